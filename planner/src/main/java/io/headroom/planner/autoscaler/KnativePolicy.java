package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * The {@code knative} policy: every {@code tickInterval} the metric collector's stable and panic
 * averages go through upstream's decider ({@link KnativeDecider}), then the PodAutoscaler
 * reconciler's scale-to-zero rules and bounds ({@code pkg/reconciler/autoscaling/kpa/scaler.go}
 * {@code handleScaleToZero}, {@code kpa.go}), knative/serving 98e5ef90.
 *
 * <p>The collector, as modelled ({@code pkg/autoscaler/aggregation} {@code TimedFloat64Buckets},
 * {@code metrics/collector.go}): it records, every second, the revision's total concurrency (requests
 * in the queue-proxies, served and queued, plus those the activator holds) while any replica is ready
 * or any request is in flight; a window's average is over the seconds recorded since the first write
 * (at most the window), rounded to 6 digits as upstream's {@code WindowAverage} does; after nothing
 * was recorded for a whole stable window the history restarts, so the first request after a scale to
 * zero is not diluted by the empty past. Recording is tracked at tick granularity.
 *
 * <p>The reconciler, as modelled: the decider's 0 while replicas run marks the PodAutoscaler inactive
 * once it has been active for a stable window (before that it holds 1 replica); the scale stays
 * until the activator has been in the path for {@code scaleToZeroGracePeriod}, then drops to 0. The
 * result is clamped to [minReplicas, maxReplicas]. The activator is in the path (proxy mode) unless
 * the scale is &gt; 0, the excess burst capacity &gt;= 0 and a replica is ready (the ServerlessService
 * points at the activator while the revision has no ready endpoint). The decision's limit: max or
 * min replicas when they bound it, else {@code RATE_LIMIT} below what the averages ask for (the
 * scale-up rate), {@code STABILIZATION} above it (panic hold, scale-down delay or rate, the wait
 * before scale to zero).
 *
 * <p>Cold start: when a request arrives while no replica is asked for, the driver evaluates the
 * policy at once (upstream's activator sends its stat immediately and the autoscaler's
 * {@code Poke} runs the decider); the collector's first write then is the requests held now.
 */
public final class KnativePolicy implements AutoscalerPolicy {
    private static final long NEVER = Long.MIN_VALUE;

    private final KnativeSpec spec;
    private final KnativeDecider decider;
    private final KnativeDecider.Spec deciderSpec;
    private final long stableNanos;
    private final long graceNanos;
    private long firstWriteNanos;
    private long lastWriteNanos;
    private long lastDecideNanos;
    private long activeSinceNanos;
    private long inactiveSinceNanos = NEVER;
    private double lastStable;
    private double lastPanic;
    private int lastExcessBurstCapacity;

    KnativePolicy(KnativeSpec spec) {
        this.spec = spec;
        this.deciderSpec = spec.deciderSpec();
        this.decider = new KnativeDecider(deciderSpec, 0, spec.initialReplicas());
        this.stableNanos = spec.stableWindow().toNanos();
        this.graceNanos = spec.scaleToZeroGracePeriod().toNanos();
        this.firstWriteNanos = 0;
        this.lastWriteNanos = spec.initialReplicas() > 0 ? 0 : NEVER;
        this.activeSinceNanos = spec.initialReplicas() > 0 ? 0 : NEVER;
        if (spec.initialReplicas() == 0) {
            inactiveSinceNanos = 0;
        }
    }

    @Override
    public Duration evaluationInterval() {
        return spec.tickInterval();
    }

    @Override
    public Duration metricHistory() {
        return spec.stableWindow();
    }

    /** The stable average of the last decision (what {@code stable_request_concurrency} exports). */
    public double lastStable() {
        return lastStable;
    }

    /** The panic average of the last decision. */
    public double lastPanic() {
        return lastPanic;
    }

    /** The decider's excess burst capacity at the last decision. */
    public int lastExcessBurstCapacity() {
        return lastExcessBurstCapacity;
    }

    /** Whether the decider is in panic mode after the last decision. */
    public boolean inPanic() {
        return decider.inPanic();
    }

    @Override
    public ScalingDecision decide(Snapshot s) {
        long now = s.nowNanos();
        MetricWindow m = s.metrics();
        long sinceLast = now - lastDecideNanos;
        Duration interval = Duration.ofNanos(Math.max(0, sinceLast));
        boolean recorded = s.readyReplicas() > 0 || s.inFlight() > 0
                || (sinceLast > 0 && (m.meanReady(interval) > 0 || m.meanInFlight(interval) > 0));
        double stable;
        double panic;
        if (recorded) {
            if (lastWriteNanos == NEVER || now - lastWriteNanos > stableNanos) {
                firstWriteNanos = s.inFlight() > 0 && s.readyReplicas() == 0 ? now : lastDecideNanos;
            }
            lastWriteNanos = now;
            stable = average(m, s, spec.stableWindow(), now);
            panic = average(m, s, spec.panicWindow(), now);
        } else if (lastWriteNanos == NEVER || now - lastWriteNanos > stableNanos) {
            stable = 0;
            panic = 0;
        } else {
            stable = average(m, s, spec.stableWindow(), now);
            panic = average(m, s, spec.panicWindow(), now);
        }
        lastDecideNanos = now;
        return decide(now, s.readyReplicas(), s.currentDesired(), stable, panic);
    }

    /**
     * One decision from the averages as the autoscaler exports them ({@code stable_request_concurrency},
     * {@code panic_request_concurrency}): decider, scale-to-zero, bounds. Used by {@link #decide(Snapshot)}
     * and by {@code autoscaler replay}.
     */
    public ScalingDecision decide(long now, int ready, int current, double stable, double panic) {
        lastStable = stable;
        lastPanic = panic;
        KnativeDecider.Result r = decider.scale(deciderSpec, now, ready, stable, panic);
        lastExcessBurstCapacity = r.excessBurstCapacity();
        long wanted = (long) Math.ceil(Math.max(stable, decider.inPanic() ? panic : 0) / spec.targetValue());
        int want = r.desiredPodCount();
        if (want == 0 && current > 0) {
            if (activeSinceNanos != NEVER) {
                if (now - activeSinceNanos >= stableNanos) {
                    activeSinceNanos = NEVER;
                    inactiveSinceNanos = now;
                    want = current;
                } else {
                    want = 1;
                }
            } else if (now - inactiveSinceNanos < graceNanos) {
                want = current;
            }
        } else if (want > 0 && activeSinceNanos == NEVER) {
            activeSinceNanos = now;
            inactiveSinceNanos = NEVER;
        }
        int desired = Math.max(spec.minReplicas(), Math.min(spec.maxReplicas(), want));
        ScalingLimit limit;
        if (want > spec.maxReplicas() && wanted >= spec.maxReplicas()) {
            limit = ScalingLimit.MAX_REPLICAS;
        } else if (want < spec.minReplicas() && wanted <= spec.minReplicas()) {
            limit = ScalingLimit.MIN_REPLICAS;
        } else if (desired < wanted) {
            limit = ScalingLimit.RATE_LIMIT;
        } else if (desired > wanted) {
            limit = ScalingLimit.STABILIZATION;
        } else {
            limit = ScalingLimit.NONE;
        }
        boolean serve = desired > 0 && r.excessBurstCapacity() >= 0 && ready > 0 && activeSinceNanos != NEVER;
        return new ScalingDecision(desired, wanted, limit, !serve);
    }

    private double average(MetricWindow m, Snapshot s, Duration window, long now) {
        long span = Math.min(window.toNanos(), now - firstWriteNanos);
        if (span <= 0) {
            return s.inFlight();
        }
        return Math.round(m.meanInFlight(Duration.ofNanos(span)) * 1e6) / 1e6;
    }
}
