package io.headroom.planner.autoscaler;

import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * One direction of an HPA behavior ({@code HPAScalingRules}): the stabilization window over past
 * recommendations, how the policies' limits combine, and the policies.
 *
 * @param stabilizationWindow recommendations younger than this bound the change (0s: none)
 * @param selectPolicy {@code Max} (the largest change any policy allows), {@code Min}, or {@code Disabled}
 * @param policies the rate limits
 */
public record HpaScalingRules(Duration stabilizationWindow, Select selectPolicy, List<HpaScalingPolicy> policies) {
    /** {@code selectPolicy}. */
    public enum Select {
        MAX("Max"), MIN("Min"), DISABLED("Disabled");

        private final String key;

        Select(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** autoscaling/v2's scale-up default: no stabilization, 4 pods or 100 % per 15 s, the larger. */
    public static final HpaScalingRules DEFAULT_SCALE_UP = new HpaScalingRules(Duration.ZERO, Select.MAX,
            List.of(new HpaScalingPolicy(HpaScalingPolicy.Type.PODS, 4, Duration.ofSeconds(15)),
                    new HpaScalingPolicy(HpaScalingPolicy.Type.PERCENT, 100, Duration.ofSeconds(15))));

    /** autoscaling/v2's scale-down default, with the controller's 5 min downscale stabilization: 100 % per 15 s. */
    public static final HpaScalingRules DEFAULT_SCALE_DOWN = new HpaScalingRules(Duration.ofMinutes(5), Select.MAX,
            List.of(new HpaScalingPolicy(HpaScalingPolicy.Type.PERCENT, 100, Duration.ofSeconds(15))));

    public HpaScalingRules {
        if (stabilizationWindow.isNegative() || stabilizationWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("stabilizationWindow must be within 0s..1h (upstream: 0..3600 s) but was "
                    + Durations.format(stabilizationWindow));
        }
        if (selectPolicy == null) {
            throw new IllegalArgumentException("selectPolicy must be given");
        }
        policies = List.copyOf(policies);
        if (policies.isEmpty() && selectPolicy != Select.DISABLED) {
            throw new IllegalArgumentException("policies must list at least one policy unless selectPolicy is Disabled");
        }
    }

    /** The longest policy period: scale events older than this no longer matter. */
    Duration longestPeriod() {
        return policies.stream().map(HpaScalingPolicy::period).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
