package io.headroom.planner.autoscaler;

import java.util.List;

/**
 * Scheduled floors: for a known event (a marketing email at 9:00, a batch job at midnight), a
 * minimum replica count that holds from one time to another, on top of whatever the policy asks
 * for — KEDA's cron scaler (whose desired count joins the HPA's maximum over its metrics), Azure
 * Monitor autoscale profiles with a recurrence, AWS Application Auto Scaling scheduled actions.
 * Every policy honours it the same way: at each evaluation the deployment is set to
 * {@code max(policy's desired, floor now)}, so the policy sees the floor's replicas as current ones
 * (as it would see a cron scaler's) and scales on from there once the floor ends.
 *
 * @param floors in the order given; overlapping floors take the largest
 */
public record Schedule(List<Floor> floors) {
    /** No scheduled floor. */
    public static final Schedule NONE = new Schedule(List.of());

    /**
     * {@code minReplicas} from second {@code fromSecond} (inclusive) to {@code toSecond} (exclusive) of the run.
     */
    public record Floor(long fromSecond, long toSecond, int minReplicas) {
        public Floor {
            if (fromSecond < 0 || toSecond <= fromSecond || minReplicas < 1) {
                throw new IllegalArgumentException("a scheduled floor needs 0 <= from < to and minReplicas >= 1 but had from "
                        + fromSecond + " s, to " + toSecond + " s, minReplicas " + minReplicas);
            }
        }
    }

    public Schedule {
        floors = List.copyOf(floors);
    }

    public boolean isEmpty() {
        return floors.isEmpty();
    }

    /** The floor in force at {@code nanos} since the start: the largest active one, 0 when none is. */
    public int floorAt(long nanos) {
        int floor = 0;
        for (Floor f : floors) {
            if (nanos >= f.fromSecond * 1_000_000_000L && nanos < f.toSecond * 1_000_000_000L) {
                floor = Math.max(floor, f.minReplicas);
            }
        }
        return floor;
    }

    /** Replica-seconds the floors ask for at least (their counts times their lengths, overlaps counted once each). */
    public long floorReplicaSeconds() {
        return floors.stream().mapToLong(f -> (long) f.minReplicas * (f.toSecond - f.fromSecond)).sum();
    }
}
