package io.headroom.planner.autoscaler;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Knative Serving's KPA decider, {@code Scale()} of {@code pkg/autoscaler/scaling/autoscaler.go}
 * (knative/serving commit 98e5ef90aa7033797aa0a61ef97f3ff7e49a3944), given the stable and panic
 * averages the metric collector computed and the ready pod count:
 *
 * <pre>
 * ready        = max(1, readyPods)
 * maxScaleUp   = ceil(maxScaleUpRate × ready);  maxScaleDown = reachable ? floor(ready / maxScaleDownRate) : 0
 * dspc, dppc   = ceil(stable / targetValue), ceil(panic / targetValue)
 * desired{Stable,Panic} = clamp(dspc | dppc, maxScaleDown, maxScaleUp), raised to activationScale when &gt; 1 and dspc | dppc &gt; 0
 * panic starts (or extends) when dppc / ready &gt;= panicThreshold; ends when not over it and panicTime + stableWindow &lt; now
 * in panic: desired = max(desiredStable, desiredPanic), never below the most pods asked for in this panic
 * reachable with a scale-down delay: desired = the most asked for within the delay (buckets of the tick interval)
 * EBC = TBC == 0 ? 0 : TBC &lt; 0 ? -1 : floor(readyPods × totalValue − TBC − panic)
 * </pre>
 *
 * A decider created while more than one pod is ready starts in panic holding that count, as
 * upstream's {@code newAutoscaler} does (no scale-down on a restarted autoscaler's empty history).
 * Mutable, one run.
 */
final class KnativeDecider {
    /**
     * Upstream's {@code DeciderSpec}, the fields {@code Scale()} reads.
     *
     * @param targetValue concurrency per pod the decider aims at (target × targetUtilization, at least 0.01)
     * @param totalValue concurrency one pod takes (the target before utilization)
     * @param targetBurstCapacity requests of headroom the activator protects; 0 none, -1 always in path
     * @param scaleDownDelay 0 for none
     * @param granularity the delay window's bucket (the decider's tick interval)
     * @param reachable whether the revision takes traffic (a revision with no route may drop at once)
     */
    record Spec(double targetValue, double totalValue, double targetBurstCapacity, double panicThreshold, double maxScaleUpRate,
            double maxScaleDownRate, Duration stableWindow, Duration scaleDownDelay, Duration granularity, int activationScale,
            boolean reachable) {
    }

    /** Upstream's {@code ScaleResult}: the pod count asked for and the excess burst capacity. */
    record Result(int desiredPodCount, int excessBurstCapacity) {
    }

    private static final long NOT_PANICKING = Long.MIN_VALUE;

    private final Spec spec;
    private final DelayWindow delayWindow;
    private long panicTimeNanos = NOT_PANICKING;
    private int maxPanicPods;

    /** A decider created at {@code nowNanos} while {@code readyAtCreation} pods are ready. */
    KnativeDecider(Spec spec, long nowNanos, int readyAtCreation) {
        this.spec = spec;
        this.delayWindow = spec.scaleDownDelay().isZero() ? null : new DelayWindow(spec.scaleDownDelay(), spec.granularity());
        if (readyAtCreation > 1) {
            panicTimeNanos = nowNanos;
        }
        this.maxPanicPods = Math.max(0, readyAtCreation);
    }

    boolean inPanic() {
        return panicTimeNanos != NOT_PANICKING;
    }

    /** Only for transcribed upstream cases that set the panic state by hand. */
    void panicSince(long panicNanos, int maxPods) {
        this.panicTimeNanos = panicNanos;
        this.maxPanicPods = maxPods;
    }

    long panicTimeNanos() {
        return panicTimeNanos;
    }

    Result scale(Spec s, long nowNanos, int readyPods, double stable, double panic) {
        double ready = Math.max(1, readyPods);
        double maxScaleUp = Math.ceil(s.maxScaleUpRate() * ready);
        double maxScaleDown = s.reachable() ? Math.floor(ready / s.maxScaleDownRate()) : 0;
        double dspc = Math.ceil(stable / s.targetValue());
        double dppc = Math.ceil(panic / s.targetValue());
        int desiredStable = (int) Math.min(Math.max(dspc, maxScaleDown), maxScaleUp);
        int desiredPanic = (int) Math.min(Math.max(dppc, maxScaleDown), maxScaleUp);
        if (s.activationScale() > 1) {
            if (dspc > 0 && s.activationScale() > desiredStable) {
                desiredStable = s.activationScale();
            }
            if (dppc > 0 && s.activationScale() > desiredPanic) {
                desiredPanic = s.activationScale();
            }
        }
        boolean overThreshold = dppc / ready >= s.panicThreshold();
        if (overThreshold) {
            panicTimeNanos = nowNanos;
        } else if (inPanic() && panicTimeNanos + s.stableWindow().toNanos() < nowNanos) {
            panicTimeNanos = NOT_PANICKING;
            maxPanicPods = 0;
        }
        int desired = desiredStable;
        if (inPanic()) {
            desired = Math.max(desired, desiredPanic);
            maxPanicPods = Math.max(maxPanicPods, desired);
            desired = maxPanicPods;
        }
        if (s.reachable() && delayWindow != null) {
            delayWindow.record(nowNanos, desired);
            desired = delayWindow.current();
        }
        int ebc;
        if (s.targetBurstCapacity() == 0) {
            ebc = 0;
        } else if (s.targetBurstCapacity() > 0) {
            ebc = (int) Math.floor(readyPods * s.totalValue() - s.targetBurstCapacity() - panic);
        } else {
            ebc = -1;
        }
        return new Result(desired, ebc);
    }

    Result scale(long nowNanos, int readyPods, double stable, double panic) {
        return scale(spec, nowNanos, readyPods, stable, panic);
    }

    /**
     * The maximum recorded over the last {@code ceil(delay / granularity)} buckets, bucket index =
     * whole seconds / granularity seconds; two values in one bucket keep the larger (upstream
     * {@code aggregation/max.TimeWindow}).
     */
    static final class DelayWindow {
        private final int buckets;
        private final long granularitySeconds;
        /** (index, value) pairs, indexes ascending, values descending. */
        private final ArrayDeque<long[]> maxima = new ArrayDeque<>();

        DelayWindow(Duration delay, Duration granularity) {
            this.granularitySeconds = Math.max(1, granularity.toSeconds());
            this.buckets = (int) Math.ceil((double) delay.toNanos() / granularity.toNanos());
        }

        void record(long nowNanos, int value) {
            long index = Math.floorDiv(nowNanos, 1_000_000_000L) / granularitySeconds;
            int v = value;
            while (!maxima.isEmpty() && v >= maxima.peekLast()[1]) {
                maxima.pollLast();
            }
            while (!maxima.isEmpty() && index - maxima.peekFirst()[0] >= buckets) {
                maxima.pollFirst();
            }
            if (!maxima.isEmpty() && maxima.peekLast()[0] == index) {
                v = (int) Math.max(v, maxima.pollLast()[1]);
            }
            maxima.addLast(new long[] {index, v});
        }

        int current() {
            return (int) maxima.peekFirst()[1];
        }
    }
}
