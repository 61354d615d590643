package io.headroom.planner.recommend;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.sizing.ScenarioSizing;
import io.headroom.planner.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two-way mapping between a {@link Scenario} and a {@link Config}: {@link #of} reads the point a scenario's
 * autoscaler and cluster already stand at, {@link #applyTo} writes a point back into the scenario (its policy, pools,
 * placeholders and scheduled floors).
 *
 * <p>Separate from {@link Config} because it changes for another reason: it follows the scenario's schema (each
 * {@link AutoscalerSpec} variant, the cluster's pools and placeholders), while {@code Config} is the search's value and
 * the way it is compared and described. A new autoscaler kind or cluster setting changes this class only.
 */
final class ConfigMapping {
    private ConfigMapping() {
    }

    /** The configuration a scenario already has. */
    static Config of(Scenario scenario) {
        int placeholders = scenario.cluster().map(c -> c.placeholders().replicas()).orElse(0);
        java.util.Set<String> mins = scenario.cluster().map(c -> c.nodePools().stream().filter(p -> autoscaled(c, p)).map(NodePool::name)
                .collect(java.util.stream.Collectors.toSet())).orElse(java.util.Set.of());
        Config c = policyOf(scenario);
        return new Config(c.minReplicas(), c.maxReplicas(), c.targetUtilization(), c.nodes(), c.scale(), c.tuning(), c.floors(), placeholders,
                mins);
    }

    private static Config policyOf(Scenario scenario) {
        AutoscalerSpec a = scenario.autoscaler();
        Map<String, Integer> nodes = scenario.cluster().map(ConfigMapping::nodesOf).orElse(null);
        return a.match(new AutoscalerSpec.Cases<Config>() {
            @Override
            public Config azureml(AzureMlSpec spec) {
                return new Config(spec.minReplicas(), spec.maxReplicas(), spec.targetUtilization(), nodes);
            }

            @Override
            public Config hpa(HpaSpec spec) {
                return new Config(spec.minReplicas(), spec.maxReplicas(), ScenarioSizing.targetUtilization(scenario), nodes,
                        hpaScale(spec, scenario.service()), HpaTuning.of(spec));
            }

            @Override
            public Config fixed(StaticSpec spec) {
                return new Config(spec.minReplicas(), spec.maxReplicas(), null, nodes);
            }

            @Override
            public Config knative(KnativeSpec spec) {
                // slot utilization u = target × targetUtilization / containerConcurrency; the setting is targetUtilization
                return new Config(spec.minReplicas(), spec.maxReplicas(), ScenarioSizing.targetUtilization(scenario), nodes,
                        new Config.TargetScale("targetUtilization", spec.containerConcurrency() / spec.target(), 0), KnativeTuning.of(spec));
            }
        });
    }

    /**
     * How slot utilization reads as an hpa's metric target: the inverse of the affine
     * {@link ScenarioSizing#slotUtilization}, found from its values at targets 1 and 2.
     */
    private static Config.TargetScale hpaScale(HpaSpec spec, Service service) {
        String name = spec.metric().type() == HpaMetric.Type.CPU ? "metric.targetUtilization" : "metric.targetAverage";
        double at1 = slotUtilization(spec, service, 1);
        double slope = slotUtilization(spec, service, 2) - at1;
        return slope > 0 ? new Config.TargetScale(name, 1 / slope, 1 - at1 / slope) : new Config.TargetScale(name, 1, 0);
    }

    private static double slotUtilization(HpaSpec spec, Service service, double target) {
        return ScenarioSizing.slotUtilization(new HpaMetric(spec.metric().type(), target), service.concurrency(),
                Durations.seconds(service.serviceTime().mean()), service.resources().cpu(), service.cpuUsage());
    }

    /** Per pool: its node count, or for a pool the cluster autoscaler resizes, its min (the nodes it never goes below). */
    private static Map<String, Integer> nodesOf(Cluster cluster) {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        cluster.nodePools().forEach(p -> nodes.put(p.name(), autoscaled(cluster, p) ? p.min() : p.count()));
        return nodes;
    }

    /** Whether the cluster autoscaler resizes {@code pool}: then a config's node count for it is its min. */
    static boolean autoscaled(Cluster cluster, NodePool pool) {
        return cluster.autoscaler().isPresent() && pool.autoscaled();
    }

    /** {@code scenario} with {@code config}'s settings (its policy and delays, service and traffic unchanged; the run starts at minReplicas). */
    static Scenario applyTo(Config config, Scenario scenario) {
        int minReplicas = config.minReplicas();
        int maxReplicas = config.maxReplicas();
        Double targetUtilization = config.targetUtilization();
        Config.TargetScale scale = config.scale();
        Tuning tuning = config.tuning();
        Map<String, Integer> nodes = config.nodes();
        int placeholders = config.placeholders();
        AutoscalerSpec spec = scenario.autoscaler().match(new AutoscalerSpec.Cases<AutoscalerSpec>() {
            @Override
            public AutoscalerSpec azureml(AzureMlSpec a) {
                return a.with(minReplicas, maxReplicas, targetUtilization);
            }

            @Override
            public AutoscalerSpec hpa(HpaSpec h) {
                HpaSpec bounded = h.with(minReplicas, maxReplicas, scale.setting(targetUtilization));
                return tuning instanceof HpaTuning t ? t.applyTo(bounded) : bounded;
            }

            @Override
            public AutoscalerSpec fixed(StaticSpec s) {
                return new StaticSpec(minReplicas);
            }

            @Override
            public AutoscalerSpec knative(KnativeSpec k) {
                KnativeSpec bounded = k.with(minReplicas, maxReplicas, Math.min(1, scale.setting(targetUtilization)));
                return tuning instanceof KnativeTuning t ? t.applyTo(bounded) : bounded;
            }
        });
        Optional<Cluster> cluster = scenario.cluster().map(c -> c.withPools(c.nodePools().stream()
                .map(p -> {
                    Integer n = nodes.get(p.name());
                    return n == null ? p : autoscaled(c, p) ? p.withMin(n) : p.withCount(n);
                })
                .toList()).withPlaceholders(new Placeholders(placeholders, c.placeholders().priority())));
        if (cluster.isPresent() && placeholders != scenario.cluster().orElseThrow().placeholders().replicas()) {
            cluster = Optional.of(withRoomForPlaceholders(config, cluster.get(), scenario.service().resources()));
        }
        List<Schedule.Floor> all = new ArrayList<>(scenario.schedule().floors());
        all.addAll(config.floors().floors());
        return scenario.with(spec, cluster, new Schedule(all));
    }

    /**
     * {@code cluster} as it stands once its placeholders have had their nodes: the first resized pool that fits a replica
     * starts with room for minReplicas plus the placeholders (up to its max), as the cluster autoscaler would have grown it
     * for the Pending placeholders before the run.
     */
    private static Cluster withRoomForPlaceholders(Config config, Cluster cluster, Resources request) {
        long room = cluster.replicaCapacity(request);
        long wanted = (long) config.minReplicas() + config.placeholders();
        List<NodePool> pools = new ArrayList<>(cluster.nodePools());
        for (int i = 0; i < pools.size() && room < wanted; i++) {
            NodePool p = pools.get(i);
            int perNode = p.replicasPerNode(request);
            if (autoscaled(cluster, p) && perNode > 0) {
                int count = (int) Math.min(p.max(), p.count() + (wanted - room + perNode - 1) / perNode);
                room += (long) (count - p.count()) * perNode;
                pools.set(i, p.withCount(count));
            }
        }
        return cluster.withPools(pools);
    }
}
