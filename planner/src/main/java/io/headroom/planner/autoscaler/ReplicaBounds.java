package io.headroom.planner.autoscaler;

/** The replica-bound checks every autoscaler spec with min, max and initial replicas makes. */
final class ReplicaBounds {
    private ReplicaBounds() {
    }

    /** 1 &lt;= min &lt;= initial &lt;= max, each violation named with its value. */
    static void check(int minReplicas, int maxReplicas, int initialReplicas) {
        if (minReplicas < 1) {
            throw new IllegalArgumentException("minReplicas must be >= 1 but was " + minReplicas);
        }
        if (maxReplicas < minReplicas) {
            throw new IllegalArgumentException("maxReplicas must be >= minReplicas (" + minReplicas + ") but was " + maxReplicas);
        }
        if (initialReplicas < minReplicas || initialReplicas > maxReplicas) {
            throw new IllegalArgumentException("initialReplicas must be within minReplicas..maxReplicas (" + minReplicas + ".."
                    + maxReplicas + ") but was " + initialReplicas);
        }
    }
}
