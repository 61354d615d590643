package io.headroom.planner.sim;

import io.headroom.planner.cluster.FitError;
import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.timeline.PoolNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The nodes of a cluster and, when it has one, its cluster autoscaler (notes/autoscalers-2.md §4,
 * {@code kubernetes/autoscaler:cluster-autoscaler/FAQ.md}), with the placeholder pods holding room.
 * Mutable, one thread; driven by {@link ScalingLoop}, so the simulator, the fast engine and the
 * emulated endpoint all get it. The rules:
 * <ul>
 *   <li>Every {@code scanInterval} from time 0 + the interval, a scan. Pending pods are the
 *       replicas Pending and the placeholders that find no room (when their priority is at or above
 *       -10). If the oldest has been Pending at least 2 s (30 s when the pods request a GPU) and they
 *       need more room than the nodes already requested will bring, one pool grows: the expander
 *       chooses among the pools that fit one pod, are below their max and are not backed off; it
 *       gets the nodes the pods need, up to its max ({@code TriggeredScaleUp}, upstream's wording).
 *       If no pool can grow: {@code NotTriggerScaleUp}, once until the Pending pods are served.</li>
 *   <li>A requested node is Ready after a draw of its pool's {@code provisioning}; Pending replicas
 *       then take its room at once. A draw above {@code maxNodeProvisionTime} means the node never
 *       comes: at request + that time it is dropped ({@code ScaleUpTimedOut}, once per scale-up) and the
 *       pool backs off 5 min, doubled per failed scale-up up to 30 min.</li>
 *   <li>A scan that needs no scale-up runs {@link NodeScaleDown}: empty and under-used nodes, once
 *       unneeded for {@code scaleDownUnneededTime}, are removed (their pods move at once; their
 *       restart is not modelled).</li>
 *   <li>Nodes are billed from their request to their removal or failure, in node-nanoseconds per pool.</li>
 * </ul>
 * Without an autoscaler nothing changes and {@link #nextEventNanos} is {@link Long#MAX_VALUE}.
 */
final class NodeFleet {
    private static final long SECOND = 1_000_000_000L;

    private final Resources request;
    private final NodeAutoscaler autoscaler;
    private final Placeholders placeholders;
    private final FleetPool[] pools;
    private final SplittableRandom random;
    private final long endNanos;
    private final long scanNanos;
    private final long pendingAgeNanos;
    /** The scale-down rule, or null without an autoscaler. */
    private final NodeScaleDown scaleDown;
    private long nextScanNanos;
    private long lastScaleUpNanos = Long.MIN_VALUE / 4;
    private long placeholdersPendingSinceNanos = -1;
    private boolean notTriggeredReported;

    NodeFleet(Cluster cluster, Resources request, SplittableRandom random, long endNanos) {
        this.request = request;
        this.autoscaler = cluster.autoscaler().orElse(null);
        this.placeholders = cluster.placeholders();
        this.random = random;
        this.endNanos = endNanos;
        List<NodePool> specs = cluster.nodePools();
        this.pools = new FleetPool[specs.size()];
        for (int i = 0; i < pools.length; i++) {
            pools[i] = new FleetPool(specs.get(i), request);
        }
        this.scanNanos = autoscaler == null ? Long.MAX_VALUE : autoscaler.scanInterval().toNanos();
        this.nextScanNanos = scanNanos;
        this.pendingAgeNanos = (request.gpu() > 0 ? NodeAutoscaler.PENDING_AGE_GPU : NodeAutoscaler.PENDING_AGE).toNanos();
        this.scaleDown = autoscaler == null ? null : new NodeScaleDown(autoscaler, request, pools, this::billAll);
    }

    /** Replicas the Ready nodes hold. */
    long capacity() {
        long slots = 0;
        for (FleetPool p : pools) {
            slots += (long) p.ready * p.perNode;
        }
        return slots;
    }

    /** The next scan, node arrival or node failure, or {@link Long#MAX_VALUE} when nodes never change. */
    long nextEventNanos() {
        if (autoscaler == null) {
            return Long.MAX_VALUE;
        }
        long next = nextScanNanos;
        for (FleetPool p : pools) {
            if (p.upcoming > 0) {
                next = Math.min(next, p.dueNanos[0]);
            }
        }
        return next;
    }

    /** Placeholders running on free room: real replicas ({@code placed}) preempt them. */
    int placeholdersRunning(long placed) {
        return (int) Math.max(0, Math.min(placeholders.replicas(), capacity() - placed));
    }

    /** Placeholders Pending for want of room. */
    int placeholdersPending(long placed) {
        return placeholders.replicas() - placeholdersRunning(placed);
    }

    /** Notes when placeholders became Pending; call after anything that changes the room or the replicas placed. */
    void observe(long nowNanos, long placed) {
        if (placeholdersPending(placed) == 0) {
            placeholdersPendingSinceNanos = -1;
        } else if (placeholdersPendingSinceNanos < 0) {
            placeholdersPendingSinceNanos = nowNanos;
        }
    }

    /** Whether a Pending replica waits for a node that is coming (rather than for one that cannot come). */
    boolean nodeComing(ReplicaSet replicas) {
        if (autoscaler == null || replicas.pending() == 0) {
            return false;
        }
        for (FleetPool p : pools) {
            if (p.perNode > 0 && (p.upcoming > 0 || (p.target() < p.spec.max() && p.spec.autoscaled()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs every scan, arrival and failure due by {@code nowNanos}, each at its own time; Pending
     * replicas take the room of arriving nodes ({@code onStarting} hears each one started).
     */
    void advance(long nowNanos, ReplicaSet replicas, LongConsumer onStarting, ScalingLoop.Events events) {
        long t;
        while ((t = nextEventNanos()) <= nowNanos) {
            FleetPool due = null;
            for (FleetPool p : pools) {
                if (p.upcoming > 0 && p.dueNanos[0] == t && due == null) {
                    due = p;
                }
            }
            if (due != null) {
                nodeDue(due, t, replicas, onStarting, events);
            } else {
                scan(t, replicas, events);
                nextScanNanos += scanNanos;
            }
            observe(t, replicas.placed());
        }
    }

    private void nodeDue(FleetPool p, long t, ReplicaSet replicas, LongConsumer onStarting, ScalingLoop.Events events) {
        billAll(t);
        boolean fails = p.fails[0];
        long requested = p.requestedNanos[0];
        p.dropFirst();
        if (fails) {
            p.step(t);
            if (requested == p.lastFailedRequestNanos) {
                return;
            }
            p.lastFailedRequestNanos = requested;
            p.failures++;
            long backoff = Math.min(NodeAutoscaler.MAX_BACKOFF.toNanos(),
                    NodeAutoscaler.INITIAL_BACKOFF.toNanos() << Math.min(10, p.failures - 1));
            p.backoffUntilNanos = t + backoff;
            events.event(t, "ScaleUpTimedOut", "Nodes added to group " + p.spec.name() + " failed to register within "
                    + seconds(t - requested));
            return;
        }
        p.ready++;
        p.step(t);
        String name = p.spec.name() + "-" + p.nextId++;
        events.event(t, "NodeReady", "Node " + name + " status is now: NodeReady");
        replicas.capacityChanged(capacity(), t, onStarting);
    }

    private void scan(long t, ReplicaSet replicas, ScalingLoop.Events events) {
        long placed = replicas.placed();
        int demand = replicas.pending() + (placeholders.triggerScaleUp() ? placeholdersPending(placed) : 0);
        long oldest = Long.MAX_VALUE;
        if (replicas.pending() > 0) {
            oldest = replicas.pendingSinceNanos();
        }
        if (placeholders.triggerScaleUp() && placeholdersPendingSinceNanos >= 0) {
            oldest = Math.min(oldest, placeholdersPendingSinceNanos);
        }
        long upcomingSlots = 0;
        for (FleetPool p : pools) {
            upcomingSlots += (long) p.upcoming * p.perNode;
        }
        long need = demand - upcomingSlots;
        if (need <= 0) {
            notTriggeredReported = false;
            long pods = placed + placeholdersRunning(placed);
            scaleDown.scan(t, pods, capacity() - pods, lastScaleUpNanos, events);
            return;
        }
        if (t - oldest < pendingAgeNanos) {
            return;
        }
        FleetPool chosen = PoolChoice.choose(autoscaler.expander(), pools, need, t, request, random);
        if (chosen == null) {
            if (!notTriggeredReported) {
                notTriggeredReported = true;
                events.event(t, "NotTriggerScaleUp", "pod didn't trigger scale-up: " + reasons(t));
            }
            return;
        }
        notTriggeredReported = false;
        billAll(t);
        int before = chosen.target();
        int add = chosen.nodesFor(need);
        long maxNanos = autoscaler.maxNodeProvisionTime().toNanos();
        for (int i = 0; i < add; i++) {
            long drawn = chosen.provisioning.sampleNanos(random);
            boolean fails = drawn > maxNanos;
            chosen.request(t, t + (fails ? maxNanos : drawn), fails);
        }
        lastScaleUpNanos = t;
        chosen.step(t);
        events.event(t, "TriggeredScaleUp", "pod triggered scale-up: [{" + chosen.spec.name() + " " + before + "->"
                + chosen.target() + " (max: " + chosen.spec.max() + ")}]");
    }

    /** Upstream's reasons message: each reason with the number of node groups that gave it, sorted. */
    private String reasons(long t) {
        TreeMap<String, Integer> counted = new TreeMap<>();
        for (FleetPool p : pools) {
            if (p.perNode == 0) {
                for (String r : FitError.reasonsWhenFull(request, p.spec)) {
                    counted.merge(r, 1, Integer::sum);
                }
            } else if (!p.spec.autoscaled() || p.target() >= p.spec.max()) {
                counted.merge("max node group size reached", 1, Integer::sum);
            } else if (t < p.backoffUntilNanos) {
                counted.merge("in backoff after failed scale-up", 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counted.forEach((r, n) -> parts.add(n + " " + r));
        parts.sort(null);
        return String.join(", ", parts);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%ds", nanos / SECOND);
    }

    private void billAll(long nowNanos) {
        long until = Math.min(nowNanos, endNanos);
        for (FleetPool p : pools) {
            p.bill(until);
        }
    }

    /** Bills every pool up to {@code nowNanos}, never past the end of the traffic. */
    void bill(long nowNanos) {
        billAll(nowNanos);
    }

    /**
     * Per pool, in the cluster's order, what the run billed and how its nodes moved; empty when no
     * pool changes and none has a price (the summary then reads as it did before pools could scale).
     */
    List<PoolNodes> report() {
        boolean priced = false;
        for (FleetPool p : pools) {
            priced |= p.spec.costPerHour() > 0;
        }
        if (autoscaler == null && !priced) {
            return List.of();
        }
        List<PoolNodes> out = new ArrayList<>();
        for (FleetPool p : pools) {
            double hours = p.nodeNanos / 3.6e12;
            out.add(new PoolNodes(p.spec.name(), p.spec.min(), p.spec.max(), hours,
                    p.spec.costPerHour() > 0 ? hours * p.spec.costPerHour() : null, p.peakNodes, p.steps));
        }
        return out;
    }

    /** Ready nodes of pool {@code i}. */
    int readyNodes(int i) {
        return pools[i].ready;
    }

    /** Nodes requested and not yet Ready in pool {@code i}. */
    int provisioningNodes(int i) {
        return pools[i].upcoming;
    }

    int poolCount() {
        return pools.length;
    }

    /** The pools with the node counts they have now, for the scheduler's message. */
    List<NodePool> poolsNow() {
        List<NodePool> now = new ArrayList<>();
        for (FleetPool p : pools) {
            now.add(p.spec.withCount(p.ready));
        }
        return now;
    }

    boolean changes() {
        return autoscaler != null;
    }
}
