package io.headroom.planner.scenario;

/** What one replica costs per hour it runs (starting or ready), in the user's currency. */
public record Cost(double perReplicaHour) {
    public Cost {
        if (!(perReplicaHour >= 0) || Double.isInfinite(perReplicaHour)) {
            throw new IllegalArgumentException("cost.perReplicaHour must be >= 0 but was " + perReplicaHour);
        }
    }
}
