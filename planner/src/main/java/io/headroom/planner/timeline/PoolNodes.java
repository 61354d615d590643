package io.headroom.planner.timeline;

import java.util.List;

/**
 * One node pool over a run: its nodes over time, the node-hours billed and what they cost.
 *
 * @param pool        the pool's name
 * @param min         the fewest nodes the cluster autoscaler leaves
 * @param max         the most it adds up to
 * @param nodeHours   hours of nodes from their scale-up request to removal (or failure), up to the end of the traffic
 * @param cost        nodeHours × the pool's costPerHour; null when the pool has no price
 * @param peakNodes   the most nodes Ready or requested at once
 * @param nodes       the node counts at time 0 and at each second they changed (at most {@link #MAX_STEPS}; later ones dropped)
 */
public record PoolNodes(String pool, int min, int max, double nodeHours, Double cost, int peakNodes, List<Step> nodes) {
    /** Steps kept per pool. */
    public static final int MAX_STEPS = 2000;

    public PoolNodes {
        nodes = List.copyOf(nodes);
    }

    /** The pool's nodes from {@code second} on: Ready ones, and ones requested and not yet Ready. */
    public record Step(int second, int ready, int provisioning) {
    }

    /** Ready nodes at {@code second}: the last step at or before it. */
    public int readyAt(int second) {
        int ready = nodes.isEmpty() ? 0 : nodes.get(0).ready();
        for (Step s : nodes) {
            if (s.second() > second) {
                break;
            }
            ready = s.ready();
        }
        return ready;
    }
}
