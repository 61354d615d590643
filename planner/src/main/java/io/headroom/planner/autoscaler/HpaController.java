package io.headroom.planner.autoscaler;

import java.util.ArrayList;
import java.util.List;

/**
 * The HPA's reconcile step after the metric proposal, transcribed from kubernetes/kubernetes
 * {@code pkg/controller/podautoscaler/horizontal.go} ({@code reconcileAutoscaler},
 * {@code normalizeDesiredReplicas}, {@code stabilizeRecommendation},
 * {@code normalizeDesiredReplicasWithBehaviors}, {@code stabilizeRecommendationWithBehaviors},
 * {@code convertDesiredReplicasWithBehaviorRate}, {@code calculateScaleUpLimitWithScalingRules},
 * {@code calculateScaleDownLimitWithBehaviors}, {@code convertDesiredReplicasWithRules},
 * {@code storeScaleEvent}):
 *
 * <ul>
 *   <li>The first sync records the current count as a recommendation. A current count above max or
 *       below min is moved into range at once; a sync without a valid metric keeps the count.</li>
 *   <li>Legacy path (no behavior): the recommendation is the highest of the proposal and every
 *       recommendation not older than the downscale stabilization; then clamped to
 *       {@code [min, min(max, max(2 × current, 4))]}.</li>
 *   <li>With behavior: the current count is brought within [lowest recommendation of the scale-up
 *       window, highest of the scale-down window] (windows include the proposal); then rate-limited:
 *       each policy's limit counts from the replicas at the start of its period (current minus
 *       replicas added plus replicas removed by scale events younger than the period), Pods adds or
 *       removes {@code value}, Percent multiplies by {@code 1 ± value/100} (up rounded up, down
 *       truncated); {@code Max} takes the largest change, {@code Min} the smallest, {@code Disabled}
 *       none; then clamped to [min, max].</li>
 *   <li>The reason is upstream's: ScaleUpLimit, ScaleDownLimit, TooManyReplicas, TooFewReplicas, or
 *       DesiredWithinRange.</li>
 * </ul>
 *
 * Times are nanoseconds on the driver's clock; "younger than w" is strictly after {@code now − w}, as
 * upstream's {@code timestamp.After(cutoff)}, and the legacy window keeps a recommendation exactly
 * {@code w} old ({@code !Before(cutoff)}). Mutable; one run.
 */
public final class HpaController {
    private record Recommendation(long atNanos, int replicas) {
    }

    private record ScaleEvent(long atNanos, int change) {
    }

    /** One sync's result: the final count, the metric's proposal, the count after stabilization, and upstream's reason. */
    public record Sync(int desired, int proposed, int stabilized, String reason) {
    }

    private final HpaSpec spec;
    private final List<Recommendation> recommendations = new ArrayList<>();
    private final List<ScaleEvent> scaleUpEvents = new ArrayList<>();
    private final List<ScaleEvent> scaleDownEvents = new ArrayList<>();
    private boolean started;

    public HpaController(HpaSpec spec) {
        this.spec = spec;
    }

    /**
     * One controller sync at {@code nowNanos} with the deployment at {@code current} replicas and the
     * metric proposing {@code proposal} ({@code valid} false when no metric could be computed).
     */
    public Sync sync(long nowNanos, int current, boolean valid, int proposal) {
        if (!started) {
            started = true;
            recommendations.add(new Recommendation(nowNanos, current));
        }
        if (current > spec.maxReplicas()) {
            return record(nowNanos, current, new Sync(spec.maxReplicas(), current, current, "TooManyReplicas"));
        }
        if (current < spec.minReplicas()) {
            return record(nowNanos, current, new Sync(spec.minReplicas(), current, current, "TooFewReplicas"));
        }
        if (!valid) {
            return new Sync(current, current, current, "FailedGetMetrics");
        }
        Sync sync = spec.behavior().isEmpty() ? legacy(nowNanos, current, proposal) : withBehavior(nowNanos, current, proposal);
        return record(nowNanos, current, sync);
    }

    private Sync record(long nowNanos, int current, Sync sync) {
        if (sync.desired() != current && spec.behavior().isPresent()) {
            HpaBehavior b = spec.behavior().get();
            if (sync.desired() > current) {
                prune(scaleUpEvents, nowNanos - b.scaleUp().longestPeriod().toNanos());
                scaleUpEvents.add(new ScaleEvent(nowNanos, sync.desired() - current));
            } else {
                prune(scaleDownEvents, nowNanos - b.scaleDown().longestPeriod().toNanos());
                scaleDownEvents.add(new ScaleEvent(nowNanos, current - sync.desired()));
            }
        }
        return sync;
    }

    private static void prune(List<ScaleEvent> events, long cutoffNanos) {
        events.removeIf(e -> e.atNanos() < cutoffNanos);
    }

    private Sync legacy(long nowNanos, int current, int proposal) {
        int stabilized = stabilizeLegacy(nowNanos, proposal);
        Sync converted = convertWithRules(current, stabilized);
        return new Sync(converted.desired(), proposal, stabilized, converted.reason());
    }

    /** {@code stabilizeRecommendation}: the highest of the proposal and the recommendations of the last downscale stabilization. */
    int stabilizeLegacy(long nowNanos, int proposal) {
        long cutoff = nowNanos - spec.downscaleStabilization().toNanos();
        recommendations.removeIf(r -> r.atNanos() < cutoff);
        int stabilized = proposal;
        for (Recommendation r : recommendations) {
            stabilized = Math.max(stabilized, r.replicas());
        }
        recommendations.add(new Recommendation(nowNanos, proposal));
        return stabilized;
    }

    /** {@code convertDesiredReplicasWithRules}: within [min, min(max, max(2 × current, 4))]. */
    Sync convertWithRules(int current, int desired) {
        int scaleUpLimit = (int) Math.max(2.0 * current, 4);
        int maximum;
        String limiting;
        if (spec.maxReplicas() > scaleUpLimit) {
            maximum = scaleUpLimit;
            limiting = "ScaleUpLimit";
        } else {
            maximum = spec.maxReplicas();
            limiting = "TooManyReplicas";
        }
        if (desired < spec.minReplicas()) {
            return new Sync(spec.minReplicas(), desired, desired, "TooFewReplicas");
        }
        if (desired > maximum) {
            return new Sync(maximum, desired, desired, limiting);
        }
        return new Sync(desired, desired, desired, "DesiredWithinRange");
    }

    private Sync withBehavior(long nowNanos, int current, int proposal) {
        int stabilized = stabilizeWithBehavior(nowNanos, current, proposal);
        Sync limited = rateLimit(nowNanos, current, stabilized);
        return new Sync(limited.desired(), proposal, stabilized, limited.reason());
    }

    /** {@code stabilizeRecommendationWithBehaviors}: the current count brought within the windows' recommendations. */
    int stabilizeWithBehavior(long nowNanos, int current, int proposal) {
        HpaBehavior b = spec.behavior().orElseThrow();
        long upCutoff = nowNanos - b.scaleUp().stabilizationWindow().toNanos();
        long downCutoff = nowNanos - b.scaleDown().stabilizationWindow().toNanos();
        int up = proposal;
        int down = proposal;
        for (Recommendation r : recommendations) {
            if (r.atNanos() > upCutoff) {
                up = Math.min(up, r.replicas());
            }
            if (r.atNanos() > downCutoff) {
                down = Math.max(down, r.replicas());
            }
        }
        recommendations.removeIf(r -> r.atNanos() < upCutoff && r.atNanos() < downCutoff);
        recommendations.add(new Recommendation(nowNanos, proposal));
        return Math.min(Math.max(current, up), down);
    }

    /** {@code convertDesiredReplicasWithBehaviorRate}: the behavior's rate limits, then [min, max]. */
    Sync rateLimit(long nowNanos, int current, int desired) {
        HpaBehavior b = spec.behavior().orElseThrow();
        if (desired > current) {
            int limit = Math.max(scaleUpLimit(current, nowNanos, b.scaleUp()), current);
            int maximum = spec.maxReplicas();
            String limiting = "TooManyReplicas";
            if (maximum > limit) {
                maximum = limit;
                limiting = "ScaleUpLimit";
            }
            if (desired > maximum) {
                return new Sync(maximum, desired, desired, limiting);
            }
        } else if (desired < current) {
            int limit = Math.min(scaleDownLimit(current, nowNanos, b.scaleDown()), current);
            int minimum = spec.minReplicas();
            String limiting = "TooFewReplicas";
            if (minimum < limit) {
                minimum = limit;
                limiting = "ScaleDownLimit";
            }
            if (desired < minimum) {
                return new Sync(minimum, desired, desired, limiting);
            }
        }
        return new Sync(desired, desired, desired, "DesiredWithinRange");
    }

    /** {@code calculateScaleUpLimitWithScalingRules}. */
    int scaleUpLimit(int current, long nowNanos, HpaScalingRules rules) {
        if (rules.selectPolicy() == HpaScalingRules.Select.DISABLED) {
            return current;
        }
        boolean min = rules.selectPolicy() == HpaScalingRules.Select.MIN;
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (HpaScalingPolicy p : rules.policies()) {
            int start = periodStart(current, nowNanos, p);
            int proposed = p.type() == HpaScalingPolicy.Type.PODS ? start + p.value()
                    : (int) Math.ceil(start * (1 + p.value() / 100.0));
            result = min ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    /** {@code calculateScaleDownLimitWithBehaviors}. */
    int scaleDownLimit(int current, long nowNanos, HpaScalingRules rules) {
        if (rules.selectPolicy() == HpaScalingRules.Select.DISABLED) {
            return current;
        }
        boolean min = rules.selectPolicy() == HpaScalingRules.Select.MIN;
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (HpaScalingPolicy p : rules.policies()) {
            int start = periodStart(current, nowNanos, p);
            int proposed = p.type() == HpaScalingPolicy.Type.PODS ? start - p.value() : (int) (start * (1 - p.value() / 100.0));
            result = min ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    private int periodStart(int current, long nowNanos, HpaScalingPolicy p) {
        long cutoff = nowNanos - p.period().toNanos();
        return current - changeSince(scaleUpEvents, cutoff) + changeSince(scaleDownEvents, cutoff);
    }

    private static int changeSince(List<ScaleEvent> events, long cutoffNanos) {
        int sum = 0;
        for (ScaleEvent e : events) {
            if (e.atNanos() > cutoffNanos) {
                sum += e.change();
            }
        }
        return sum;
    }

    /** A scale event in the past, for replaying upstream's test fixtures: {@code change} replicas at {@code atNanos}. */
    void rememberScaleEvent(long atNanos, int change) {
        (change > 0 ? scaleUpEvents : scaleDownEvents).add(new ScaleEvent(atNanos, Math.abs(change)));
    }

    /** A recommendation in the past, for replaying upstream's test fixtures. */
    void rememberRecommendation(long atNanos, int replicas) {
        started = true;
        recommendations.add(new Recommendation(atNanos, replicas));
    }
}
