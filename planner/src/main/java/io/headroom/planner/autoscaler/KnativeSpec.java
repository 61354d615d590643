package io.headroom.planner.autoscaler;

import io.headroom.planner.time.Durations;
import java.time.Duration;

/**
 * Knative Serving's pod autoscaler (KPA), as a revision's annotations and {@code config-autoscaler}
 * set it; names and defaults are upstream's (knative/serving 98e5ef90, {@code pkg/autoscaler/config},
 * {@code config/core/configmaps/autoscaler.yaml}). KServe's serverless mode runs every predictor on it.
 *
 * @param minReplicas {@code min-scale}; 0 allows scale to zero
 * @param maxReplicas {@code max-scale} (unbounded upstream when 0; here it must be given)
 * @param initialReplicas {@code initial-scale}: replicas ready at the start of the run (0 only with minReplicas 0,
 *     upstream's {@code allow-zero-initial-scale})
 * @param containerConcurrency the hard limit per replica the queue-proxy enforces (the replica's slots)
 * @param target concurrency target per replica before utilization ({@code autoscaling.knative.dev/target};
 *     upstream's TotalValue)
 * @param targetUtilization {@code container-concurrency-target-percentage} as a fraction
 * @param targetBurstCapacity requests of spare capacity the activator protects; 0 none, -1 activator always in path
 * @param stableWindow the stable averaging window, whole seconds in 6s..1h
 * @param panicWindow the panic averaging window, whole seconds, 1s..stableWindow
 * @param panicThreshold panic when the panic window asks for this many times the ready pods (2.0 = 200 %)
 * @param maxScaleUpRate at most this many times the ready pods per decision (&gt; 1)
 * @param maxScaleDownRate at least ready / this many pods per decision (&gt; 1)
 * @param scaleDownDelay hold the highest decision of this long before scaling down (whole seconds, 0..1h)
 * @param activationScale the least non-zero scale when scaling from zero
 * @param scaleToZeroGracePeriod how long the activator is in the path before the last replica goes
 * @param tickInterval how often the decider runs (upstream's {@code tickInterval}, 2 s)
 * @param timeout the revision's {@code timeoutSeconds}: a request with no response by then gets 504
 */
public record KnativeSpec(int minReplicas, int maxReplicas, int initialReplicas, int containerConcurrency, double target,
        double targetUtilization, double targetBurstCapacity, Duration stableWindow, Duration panicWindow, double panicThreshold,
        double maxScaleUpRate, double maxScaleDownRate, Duration scaleDownDelay, int activationScale,
        Duration scaleToZeroGracePeriod, Duration tickInterval, Duration timeout) implements AutoscalerSpec {
    public static final double DEFAULT_TARGET_UTILIZATION = 0.7;
    public static final double DEFAULT_TARGET_BURST_CAPACITY = 211;
    public static final Duration DEFAULT_STABLE_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PANIC_WINDOW = Duration.ofSeconds(6);
    public static final double DEFAULT_PANIC_THRESHOLD = 2.0;
    public static final double DEFAULT_MAX_SCALE_UP_RATE = 1000;
    public static final double DEFAULT_MAX_SCALE_DOWN_RATE = 2;
    public static final Duration DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    /** The activator's per-revision breaker queue ({@code pkg/activator/net/throttler.go}, breakerQueueDepth). */
    public static final int ACTIVATOR_QUEUE_DEPTH = 10_000;
    /** The queue-proxy's queue is this many times containerConcurrency ({@code pkg/queue/sharedmain}). */
    public static final int QUEUE_PROXY_DEPTH_FACTOR = 10;

    public KnativeSpec {
        if (minReplicas < 0) {
            throw new IllegalArgumentException("minReplicas must be >= 0 but was " + minReplicas);
        }
        if (maxReplicas < Math.max(1, minReplicas)) {
            throw new IllegalArgumentException("maxReplicas must be >= max(1, minReplicas) but was " + maxReplicas);
        }
        if (initialReplicas < minReplicas || initialReplicas > maxReplicas) {
            throw new IllegalArgumentException("initialScale must be within minReplicas..maxReplicas (" + minReplicas + ".."
                    + maxReplicas + ") but was " + initialReplicas);
        }
        if (containerConcurrency < 1) {
            throw new IllegalArgumentException("containerConcurrency must be >= 1 but was " + containerConcurrency);
        }
        if (!(target > 0 && target <= containerConcurrency)) {
            throw new IllegalArgumentException("target must be in (0, containerConcurrency] but was " + target);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1] but was " + targetUtilization);
        }
        if (!(targetBurstCapacity == -1 || targetBurstCapacity >= 0)) {
            throw new IllegalArgumentException("targetBurstCapacity must be -1 or >= 0 but was " + targetBurstCapacity);
        }
        wholeSeconds("stableWindow", stableWindow, Duration.ofSeconds(6), Duration.ofHours(1));
        wholeSeconds("panicWindow", panicWindow, Duration.ofSeconds(1), stableWindow);
        wholeSeconds("scaleDownDelay", scaleDownDelay, Duration.ZERO, Duration.ofHours(1));
        wholeSeconds("tickInterval", tickInterval, Duration.ofSeconds(1), Duration.ofMinutes(10));
        if (!(panicThreshold >= 1.1 && panicThreshold <= 10)) {
            throw new IllegalArgumentException("panicThreshold must be in [1.1, 10] but was " + panicThreshold);
        }
        if (!(maxScaleUpRate > 1) || !(maxScaleDownRate > 1)) {
            throw new IllegalArgumentException("maxScaleUpRate and maxScaleDownRate must be > 1");
        }
        if (activationScale < 1) {
            throw new IllegalArgumentException("activationScale must be >= 1 but was " + activationScale);
        }
        if (scaleToZeroGracePeriod.isNegative()) {
            throw new IllegalArgumentException("scaleToZeroGracePeriod must be >= 0s but was " + Durations.format(scaleToZeroGracePeriod));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0s but was " + Durations.format(timeout));
        }
    }

    private static void wholeSeconds(String name, Duration d, Duration least, Duration most) {
        if (d.compareTo(least) < 0 || d.compareTo(most) > 0 || d.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException(name + " must be whole seconds within " + Durations.format(least) + ".."
                    + Durations.format(most) + " but was " + Durations.format(d));
        }
    }

    /** Upstream's defaults for a revision with {@code containerConcurrency} slots, scaling within min..max. */
    public static KnativeSpec defaults(int minReplicas, int maxReplicas, int containerConcurrency) {
        return new KnativeSpec(minReplicas, maxReplicas, Math.max(1, minReplicas), containerConcurrency, containerConcurrency,
                DEFAULT_TARGET_UTILIZATION, DEFAULT_TARGET_BURST_CAPACITY, DEFAULT_STABLE_WINDOW, DEFAULT_PANIC_WINDOW,
                DEFAULT_PANIC_THRESHOLD, DEFAULT_MAX_SCALE_UP_RATE, DEFAULT_MAX_SCALE_DOWN_RATE, Duration.ZERO, 1,
                DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD, DEFAULT_TICK_INTERVAL, DEFAULT_TIMEOUT);
    }

    /** The same settings with other bounds and utilization target; the run starts at max(1, the new minimum) (0 stays 0). */
    public KnativeSpec with(int newMin, int newMax, double newTargetUtilization) {
        int initial = newMin == 0 && initialReplicas == 0 ? 0 : Math.min(newMax, Math.max(1, newMin));
        return new KnativeSpec(newMin, newMax, initial, containerConcurrency, target, newTargetUtilization, targetBurstCapacity,
                stableWindow, panicWindow, panicThreshold, maxScaleUpRate, maxScaleDownRate, scaleDownDelay, activationScale,
                scaleToZeroGracePeriod, tickInterval, timeout);
    }

    /** Upstream's TargetValue: the concurrency per pod the decider aims at, {@code max(0.01, target × targetUtilization)}. */
    public double targetValue() {
        return Math.max(0.01, target * targetUtilization);
    }

    /** Requests one replica's queue-proxy holds waiting beyond its slots. */
    public int queueProxyDepth() {
        return QUEUE_PROXY_DEPTH_FACTOR * containerConcurrency;
    }

    /** The decider's view of this spec (upstream's DeciderSpec; the revision is always reachable here). */
    KnativeDecider.Spec deciderSpec() {
        return new KnativeDecider.Spec(targetValue(), target, targetBurstCapacity, panicThreshold, maxScaleUpRate, maxScaleDownRate,
                stableWindow, scaleDownDelay, tickInterval, activationScale, true);
    }

    @Override
    public String policy() {
        return "knative";
    }

    @Override
    public AutoscalerPolicy newPolicy() {
        return newKnativePolicy();
    }

    /** A new policy with its own state, with the knative-only reads ({@code autoscaler replay}). */
    public KnativePolicy newKnativePolicy() {
        return new KnativePolicy(this);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.knative(this);
    }
}
