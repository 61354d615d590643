package io.headroom.planner.autoscaler;

import io.headroom.planner.time.Durations;
import java.time.Duration;

/**
 * One rate limit of an HPA behavior ({@code HPAScalingPolicy}): at most {@code value} pods, or
 * {@code value} percent of the replicas at the start of the period, per {@code period}.
 */
public record HpaScalingPolicy(Type type, int value, Duration period) {
    /** {@code Pods} or {@code Percent}. */
    public enum Type {
        PODS("Pods"), PERCENT("Percent");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public HpaScalingPolicy {
        if (type == null) {
            throw new IllegalArgumentException("policy type must be given");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("policy value must be > 0 but was " + value);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("policy period must be within 1s..30m (upstream: 1..1800 s) but was "
                    + Durations.format(period));
        }
    }
}
