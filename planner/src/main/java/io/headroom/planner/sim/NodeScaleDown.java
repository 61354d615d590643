package io.headroom.planner.sim;

import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.Resources;
import java.util.function.LongConsumer;

/**
 * The cluster autoscaler's scale-down rule for a {@link NodeFleet} ({@code kubernetes/autoscaler:
 * cluster-autoscaler/FAQ.md}, "How does scale-down work?"): in a scan that needs no scale-up, a pool's
 * unneeded nodes are its empty ones (replicas and placeholders packed onto its nodes in order) and its
 * part-used last node when that node's requested share is below {@code scaleDownUtilizationThreshold}
 * and its pods fit in free room on other nodes. Once the scan comes at least
 * {@code scaleDownDelayAfterAdd} after the last scale-up, a node unneeded for
 * {@code scaleDownUnneededTime} is removed, never below the pool's min, at most
 * {@link NodeAutoscaler#MAX_EMPTY_BULK_DELETE} per scan.
 *
 * <p>Separate from {@code NodeFleet} because it changes for another reason: the settings and the
 * packing that decide which nodes go, while the fleet keeps the scans, scale-up, node arrivals and
 * failures, placeholders and billing. Mutable pools, one thread; owned by {@link NodeFleet}.
 */
final class NodeScaleDown {
    private final NodeAutoscaler autoscaler;
    private final Resources request;
    private final FleetPool[] pools;
    /** Bills every pool up to the time given, before a removal changes their node counts. */
    private final LongConsumer billAll;

    NodeScaleDown(NodeAutoscaler autoscaler, Resources request, FleetPool[] pools, LongConsumer billAll) {
        this.autoscaler = autoscaler;
        this.request = request;
        this.pools = pools;
        this.billAll = billAll;
    }

    /**
     * The scale-down part of a scan at {@code t}: {@code pods} placed (replicas and running placeholders),
     * {@code free} slots left on the Ready nodes, the last scale-up at {@code lastScaleUpNanos}.
     */
    void scan(long t, long pods, long free, long lastScaleUpNanos, ScalingLoop.Events events) {
        boolean allowed = t >= lastScaleUpNanos + autoscaler.scaleDownDelayAfterAdd().toNanos();
        long left = pods;
        long unneededNanos = autoscaler.scaleDownUnneededTime().toNanos();
        int removedThisScan = 0;
        for (FleetPool p : pools) {
            if (p.perNode == 0) {
                continue;
            }
            long onPool = Math.min(left, (long) p.ready * p.perNode);
            left -= onPool;
            int used = (int) ((onPool + p.perNode - 1) / p.perNode);
            int empty = p.ready - used;
            int partial = (int) (onPool % p.perNode);
            boolean lastUnneeded = partial > 0 && p.spec.utilization(request, partial) < autoscaler.scaleDownUtilizationThreshold()
                    && free - (long) empty * p.perNode - (p.perNode - partial) >= partial;
            int unneeded = p.spec.autoscaled() ? empty + (lastUnneeded ? 1 : 0) : 0;
            p.unneeded(unneeded, t);
            if (!allowed) {
                continue;
            }
            int removable = 0;
            while (removable < p.unneeded && p.unneededSinceNanos[removable] + unneededNanos <= t) {
                removable++;
            }
            removable = Math.min(removable, Math.min(p.ready - p.spec.min(), NodeAutoscaler.MAX_EMPTY_BULK_DELETE - removedThisScan));
            if (removable <= 0) {
                continue;
            }
            billAll.accept(t);
            for (int i = 0; i < removable; i++) {
                boolean drained = i == 0 && lastUnneeded && empty == 0;
                String name = p.spec.name() + "-" + (p.nextId - 1 - i);
                events.event(t, drained ? "ScaleDown" : "ScaleDownEmpty", drained
                        ? "Scale-down: node " + name + " removed with drain" : "Scale-down: removing empty node \"" + name + "\"");
            }
            p.ready -= removable;
            p.nextId -= removable;
            System.arraycopy(p.unneededSinceNanos, removable, p.unneededSinceNanos, 0, p.unneeded - removable);
            p.unneeded -= removable;
            p.step(t);
            removedThisScan += removable;
        }
    }
}
