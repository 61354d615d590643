package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.FRACTION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.TEXT;
import static io.headroom.planner.scenario.ValueKind.WHOLE_NUMBER;

import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.scenario.Node.ListNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code cluster}: {@code nodePools} of {@code {name, count, cpu, memoryGb, gpu (0), min (count),
 * max (count), provisioning, costPerHour (0)}}, {@code schedulingTimeout} (5m), {@code autoscaler}
 * (optional: the cluster autoscaler, {@link NodeAutoscaler}; without it every pool keeps its count)
 * and {@code placeholders} ({@code {replicas, priority (-10)}}, {@link Placeholders}).
 */
final class ClusterBinder {
    private static final Keys POOL_KEYS = Keys.of(
            required("name", TEXT, "the pool's name, unique"),
            required("count", WHOLE_NUMBER, "nodes in the pool at the start"),
            required("cpu", NUMBER, "allocatable cores per node"),
            required("memoryGb", NUMBER, "allocatable GB of memory per node"),
            optional("gpu", WHOLE_NUMBER, "GPUs per node"),
            optional("min", WHOLE_NUMBER, "the fewest nodes the cluster autoscaler leaves (default count)"),
            optional("max", WHOLE_NUMBER, "the most nodes the cluster autoscaler adds up to (default count)"),
            optional("provisioning", DistributionBinder.DURATION_OR_DISTRIBUTION,
                    "scale-up request to Ready node; required when min < max and cluster.autoscaler is set"),
            optional("costPerHour", NUMBER, "currency per node-hour, from the scale-up request to removal"));
    private static final Keys AUTOSCALER_KEYS = Keys.of(
            optional("scanInterval", DURATION, "how often the cluster autoscaler looks at Pending pods (10s)"),
            optional("maxNodeProvisionTime", DURATION, "a node not Ready this long after its request fails; its pool backs off (15m)"),
            optional("scaleDownUnneededTime", DURATION, "a node unneeded this long is removed (10m)"),
            optional("scaleDownDelayAfterAdd", DURATION, "no node is removed this soon after a scale-up (10m)"),
            optional("scaleDownUtilizationThreshold", FRACTION, "a node below this requested share is unneeded if its pods fit elsewhere (0.5)"),
            optional("expander", new ValueKind.Choice(NodeAutoscaler.Expander.NAMES, false),
                    "which pool grows when several fit: least-waste (default), random, priority (pool order)"));
    private static final Keys PLACEHOLDER_KEYS = Keys.of(
            required("replicas", WHOLE_NUMBER, "pause pods, each requesting what one replica does"),
            optional("priority", WHOLE_NUMBER, "their priority, < 0; at -10 or above their Pending triggers a scale-up (-10)"));
    static final Keys KEYS = Keys.of(
            required("nodePools", new ValueKind.ListOf(new ValueKind.Nested(POOL_KEYS)), "the node pools, at least one"),
            optional("schedulingTimeout", DURATION, "a Pending replica fails after this long"),
            optional("autoscaler", new ValueKind.Nested(AUTOSCALER_KEYS), "the cluster autoscaler; without it pools keep their count"),
            optional("placeholders", new ValueKind.Nested(PLACEHOLDER_KEYS), "low-priority pause pods holding room for replicas"));

    /** The most nodes a resized pool may reach: GKE's 15,000 nodes per cluster (AKS: 5,000; EKS quotas are per account). */
    static final int MAX_NODES = 15_000;

    private ClusterBinder() {
    }

    static Cluster bind(Section s, ScenarioFolder folder) {
        ListNode list = Section.asList(s.required("nodePools"), s.path("nodePools"));
        if (list.items().isEmpty()) {
            throw Section.error(s.path("nodePools") + " must have at least one pool", "an empty list", list.location());
        }
        Optional<NodeAutoscaler> autoscaler = s.section("autoscaler", AUTOSCALER_KEYS).map(ClusterBinder::autoscaler);
        List<NodePool> pools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            Section p = Section.of(list.items().get(i), s.path("nodePools") + "[" + i + "]", POOL_KEYS);
            Node nameNode = p.required("name");
            String name = Section.string(nameNode, p.path("name"));
            if (name.isBlank() || !names.add(name)) {
                throw Section.error(p.path("name") + " must be a unique, non-blank pool name", nameNode);
            }
            pools.add(pool(p, name, autoscaler.isPresent(), folder));
        }
        Duration timeout = s.positiveDuration("schedulingTimeout", Cluster.DEFAULT_SCHEDULING_TIMEOUT);
        Placeholders placeholders = s.section("placeholders", PLACEHOLDER_KEYS).map(ClusterBinder::placeholders)
                .orElse(Placeholders.NONE);
        return Section.build(() -> new Cluster(pools, timeout, autoscaler, placeholders), "cluster", s.location());
    }

    private static NodePool pool(Section p, String name, boolean autoscaled, ScenarioFolder folder) {
        int count = p.intAtLeast("count", 0, 0);
        double cpu = p.nonNegative("cpu", 0);
        double memoryGb = p.nonNegative("memoryGb", 0);
        int gpu = p.intAtLeast("gpu", 0, 0);
        int min = p.intAtLeast("min", count, 0);
        if (min > count) {
            throw Section.error(p.path("min") + " must be <= count (" + count + ")", p.required("min"));
        }
        int max = p.intAtLeast("max", count, 0);
        if (max < count) {
            throw Section.error(p.path("max") + " must be >= count (" + count + ")", p.required("max"));
        }
        if (max > MAX_NODES && p.has("max")) {
            throw Section.error(p.path("max") + " must be <= " + MAX_NODES + " (GKE's documented nodes per cluster, the largest"
                    + " of the three clouds; each requested node is simulated)", p.required("max"));
        }
        Optional<DistributionSpec> provisioning = p.node("provisioning")
                .map(n -> DistributionBinder.bind(n, p.path("provisioning"), folder));
        if (autoscaled && min < max && provisioning.isEmpty()) {
            throw Section.error(p.path("provisioning") + " is required when min < max and cluster.autoscaler is set"
                    + " (how long a new node takes, e.g. {distribution: lognormal, mean: 5m, p99: 9m})", "nothing", p.location());
        }
        double costPerHour = p.nonNegative("costPerHour", 0);
        return Section.build(() -> new NodePool(name, count, cpu, memoryGb, gpu, min, max, provisioning, costPerHour),
                p.path(), p.location());
    }

    private static NodeAutoscaler autoscaler(Section a) {
        NodeAutoscaler d = NodeAutoscaler.DEFAULTS;
        Duration scan = a.positiveDuration("scanInterval", d.scanInterval());
        Duration maxProvision = a.positiveDuration("maxNodeProvisionTime", d.maxNodeProvisionTime());
        Duration unneeded = a.duration("scaleDownUnneededTime", d.scaleDownUnneededTime());
        Duration delayAfterAdd = a.duration("scaleDownDelayAfterAdd", d.scaleDownDelayAfterAdd());
        for (String key : List.of("scaleDownUnneededTime", "scaleDownDelayAfterAdd")) {
            Optional<Node> n = a.node(key);
            if (n.isPresent() && Section.duration(n.get(), a.path(key)).isNegative()) {
                throw Section.error(a.path(key) + " must be >= 0s", n.get());
            }
        }
        double threshold = a.fraction("scaleDownUtilizationThreshold", d.scaleDownUtilizationThreshold());
        NodeAutoscaler.Expander expander = a.node("expander").map(n -> {
            String name = Section.string(n, a.path("expander"));
            if (!NodeAutoscaler.Expander.NAMES.contains(name)) {
                throw Section.error(a.path("expander") + " must be one of " + String.join(", ", NodeAutoscaler.Expander.NAMES), n);
            }
            return NodeAutoscaler.Expander.of(name);
        }).orElse(d.expander());
        return Section.build(() -> new NodeAutoscaler(scan, maxProvision, unneeded, delayAfterAdd, threshold, expander),
                a.path(), a.location());
    }

    private static Placeholders placeholders(Section p) {
        int replicas = p.intAtLeast("replicas", 0, 0);
        int priority = Placeholders.DEFAULT_PRIORITY;
        Optional<Node> n = p.node("priority");
        if (n.isPresent()) {
            long value = Section.integer(n.get(), p.path("priority"));
            if (value >= 0 || value < Integer.MIN_VALUE) {
                throw Section.error(p.path("priority") + " must be < 0 (below the replicas' priority 0, so they are preempted)", n.get());
            }
            priority = (int) value;
        }
        int chosen = priority;
        return Section.build(() -> new Placeholders(replicas, chosen), p.path(), p.location());
    }
}
