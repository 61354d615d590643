package io.headroom.planner.recommend;

import io.headroom.planner.autoscaler.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The searches along one axis at a time, each a bisection (or a gallop, then a bisection) that relies
 * on monotonicity: more warm replicas, a higher cap or more nodes never make a configuration reject
 * more (with common random numbers this holds run by run, not only on average). Capacity settings that
 * cost nothing until used (maxReplicas, nodes) are first set generously, the smallest meeting
 * minReplicas (or static replica count) is bisected, then the cap is galloped up from the current one
 * and the nodes bisected, to the smallest that still meet — or kept at their current values when
 * those already do ({@link #smallestFrom}).
 */
final class Search {
    private final Evaluator evaluator;
    private final Bounds bounds;
    private final Config current;

    Search(Evaluator evaluator, Bounds bounds, Config current) {
        this.evaluator = evaluator;
        this.bounds = bounds;
        this.current = current;
    }

    /**
     * The configurations with the most generous capacity: every replica the cap allows, with room on the nodes
     * ({@code lowestTarget} null: a static policy).
     */
    Config ceiling(Double lowestTarget) {
        int cap = bounds.replicaCap();
        Config c = current.isStatic() ? current.withMin(cap) : new Config(cap, cap, lowestTarget, current.nodes(), current.scale(),
                current.tuning(), current.floors(), current.placeholders(), current.minPools());
        return bounds.growPool() == null ? c : c.withNodes(bounds.growPool(), bounds.nodeCap());
    }

    /**
     * The cheapest meeting configurations at {@code target} (null: a static policy): the smallest
     * minReplicas with the rest trimmed, and — at the current target only — the current minReplicas
     * with the rest trimmed (the smallest change). Empty when even the cap does not meet.
     */
    List<Config> at(Double target) {
        Config generous = generous(target, current.minReplicas());
        List<Config> found = new ArrayList<>();
        Integer min = smallestMin(target, evaluator.evaluate(generous).meetsSlo());
        if (min == null) {
            return found;
        }
        found.add(trim(generous(target, min)));
        if (target != null && target.equals(current.targetUtilization()) && min < current.minReplicas()) {
            found.add(trim(generous));
        }
        return found;
    }

    private Config generous(Double target, int min) {
        Config c = target == null ? current.withMin(min)
                : new Config(min, Math.max(min, Math.max(current.maxReplicas(), bounds.replicaCap())), target, current.nodes(),
                        current.scale(), current.tuning(), Schedule.NONE, current.placeholders(), current.minPools());
        return bounds.withRoomFor(c);
    }

    /** The smallest minReplicas (static: replicas) that meets at {@code target}; null when the cap does not. */
    private Integer smallestMin(Double target, boolean currentMinMeets) {
        IntFunction<Boolean> meets = m -> evaluator.evaluate(generous(target, m)).meetsSlo();
        int now = current.minReplicas();
        if (currentMinMeets) {
            return bisect(0, now, meets);
        }
        return smallestAbove(now, bounds.peakNeed(target == null ? bounds.currentTarget() : target), meets);
    }

    /**
     * The current settings with the smallest scheduled floor from {@code fromSecond} to {@code toSecond}
     * that meets (the cap raised to the floor when below it, nodes with room for it); empty when even a
     * floor at the replica cap does not.
     */
    java.util.Optional<Config> smallestFloor(long fromSecond, long toSecond) {
        IntFunction<Config> at = m -> bounds.withRoomFor(current.withFloors(new Schedule(java.util.List.of(
                new Schedule.Floor(fromSecond, toSecond, m)))).withMax(Math.max(current.maxReplicas(), m)));
        Integer m = smallestAbove(current.minReplicas(), bounds.peakNeed(bounds.currentTarget()),
                x -> evaluator.evaluate(at.apply(x)).meetsSlo());
        return java.util.Optional.ofNullable(m).map(at::apply);
    }

    /**
     * The smallest count above {@code failing} (known to miss) for which {@code meets} holds, up to the replica cap:
     * probes from {@code firstProbe}, doubling the distance from {@code failing}, then bisects; null when the cap misses.
     */
    private Integer smallestAbove(int failing, int firstProbe, IntFunction<Boolean> meets) {
        return smallestAbove(failing, firstProbe, bounds.replicaCap(), meets);
    }

    /** As {@link #smallestAbove(int, int, IntFunction)}, up to {@code cap}. */
    private static Integer smallestAbove(int failing, int firstProbe, int cap, IntFunction<Boolean> meets) {
        if (cap <= failing) {
            return null;
        }
        int now = failing;
        int lastFailing = failing;
        int probe = Math.min(cap, Math.max(now + 1, firstProbe));
        while (!meets.apply(probe)) {
            if (probe >= cap) {
                return null;
            }
            lastFailing = probe;
            probe = Math.min(cap, now + 2 * (probe - now));
        }
        return bisect(lastFailing, probe, meets);
    }

    /**
     * The current settings with the smallest min of {@code pool} (a pool the cluster autoscaler resizes) that meets, up to
     * its max: nodes kept warm instead of asked for when replicas go Pending; empty when even its max does not meet.
     */
    java.util.Optional<Config> smallestPoolMin(String pool, int max, int firstProbe) {
        int now = current.nodes().get(pool);
        Integer m = smallestAbove(now, firstProbe, max, n -> evaluator.evaluate(current.withNodes(pool, n)).meetsSlo());
        return java.util.Optional.ofNullable(m).map(n -> current.withNodes(pool, n));
    }

    /**
     * The current settings with the fewest placeholder pods that meet (room the step's replicas take at once, refilled
     * in the background), up to the replica cap; empty when even that many do not meet.
     */
    java.util.Optional<Config> smallestPlaceholders(int firstProbe) {
        Integer k = smallestAbove(current.placeholders(), firstProbe, bounds.replicaCap(),
                n -> evaluator.evaluate(current.withPlaceholders(n)).meetsSlo());
        return java.util.Optional.ofNullable(k).map(current::withPlaceholders);
    }

    /** Keeps the current cap and nodes when they meet, else the smallest that do ({@link #smallestFrom}). */
    private Config trim(Config meeting) {
        Config c = meeting;
        if (!c.isStatic()) {
            Config base = c;
            IntFunction<Config> at = m -> bounds.withRoomFor(base.withMax(m));
            int max = smallestFrom(Math.max(c.minReplicas(), current.maxReplicas()), c.maxReplicas(), at, true);
            c = at.apply(max);
        }
        if (bounds.growPool() != null) {
            String pool = bounds.growPool();
            Config base = c;
            c = c.withNodes(pool, smallestFrom(current.nodes().get(pool), c.nodes().get(pool), n -> base.withNodes(pool, n), false));
        }
        return c;
    }

    /**
     * The smallest count from {@code floor} (the current value) up to {@code meeting} (known to meet) whose configuration
     * meets: the floor when it is already judged to meet (often the current settings themselves); else with {@code gallop}
     * a gallop up from it (floor, floor + 1, floor + 3, … doubling the distance) and a bisection of the last gap, without
     * it a bisection of the whole range. Under monotonicity both give the same answer; the gallop takes about
     * 2 log2(answer − floor) runs instead of log2(meeting − floor), so it pays where the answer is usually near the floor:
     * a trimmed cap (the bisection from the generous 4x cap took 11 runs to come back to within 2 of it on large-ramp,
     * the gallop 2), not the node count, which the cluster's examples need several above the current one.
     */
    private int smallestFrom(int floor, int meeting, IntFunction<Config> config, boolean gallop) {
        return smallestFrom(floor, meeting, evaluator.knownToMeet(config.apply(floor)), n -> evaluator.evaluate(config.apply(n)).meetsSlo(),
                gallop);
    }

    /** {@link #smallestFrom(int, int, IntFunction, boolean)} on a predicate; {@code floorKnownToMeet} saves its run. */
    static int smallestFrom(int floor, int meeting, boolean floorKnownToMeet, IntFunction<Boolean> meets, boolean gallop) {
        if (meeting <= floor || floorKnownToMeet) {
            return Math.min(floor, meeting);
        }
        if (!gallop) {
            return bisect(floor - 1, meeting, meets);
        }
        Integer found = smallestAbove(floor - 1, floor, meeting, meets);
        return found == null ? meeting : found;
    }

    /** The smallest x in (failing, meeting] with meets(x), given meets(meeting) (not re-evaluated) and monotonicity. */
    static int bisect(int failing, int meeting, IntFunction<Boolean> meets) {
        int lo = failing;
        int hi = meeting;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (meets.apply(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
