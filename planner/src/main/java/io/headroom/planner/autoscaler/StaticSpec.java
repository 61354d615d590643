package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * A fixed replica count: no autoscaling. It can never add a replica, so every decision reports the
 * count as its cap ({@link ScalingLimit#MAX_REPLICAS}), and any 503 window it has is a replica cap.
 */
public record StaticSpec(int replicas) implements AutoscalerSpec {
    public StaticSpec {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1 but was " + replicas);
        }
    }

    @Override
    public String policy() {
        return "static";
    }

    @Override
    public int minReplicas() {
        return replicas;
    }

    @Override
    public int maxReplicas() {
        return replicas;
    }

    @Override
    public int initialReplicas() {
        return replicas;
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.fixed(this);
    }

    @Override
    public AutoscalerPolicy newPolicy() {
        return new AutoscalerPolicy() {
            @Override
            public Duration evaluationInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public ScalingDecision decide(Snapshot snapshot) {
                return new ScalingDecision(replicas, replicas, ScalingLimit.MAX_REPLICAS);
            }
        };
    }
}
