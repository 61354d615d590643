package io.headroom.planner.recommend;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.HumanFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One point of the settings space a recommendation searches.
 *
 * @param minReplicas warm replicas (a static policy's count)
 * @param maxReplicas the cap (equal to minReplicas for a static policy)
 * @param targetUtilization the azureml target, or an hpa's cpu target (a fraction of the request); null for a static policy
 * @param nodes node count per pool, in the scenario's pool order; null when the scenario has no cluster
 */
public record Config(int minReplicas, int maxReplicas, Double targetUtilization, Map<String, Integer> nodes) {
    public Config {
        if (minReplicas < 1 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException("a config needs 1 <= minReplicas <= maxReplicas but had " + minReplicas + ".." + maxReplicas);
        }
        if (targetUtilization != null && !(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1] but was " + targetUtilization);
        }
        if (targetUtilization == null && minReplicas != maxReplicas) {
            throw new IllegalArgumentException("a static config has minReplicas == maxReplicas but had " + minReplicas + ".." + maxReplicas);
        }
        nodes = nodes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        if (nodes != null && nodes.values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new IllegalArgumentException("node counts must be >= 0 but were " + nodes);
        }
    }

    /** The configuration a scenario already has. */
    public static Config of(Scenario scenario) {
        AutoscalerSpec a = scenario.autoscaler();
        Double target = a.match(new AutoscalerSpec.Cases<Double>() {
            @Override
            public Double azureml(AzureMlSpec spec) {
                return spec.targetUtilization();
            }

            @Override
            public Double hpa(HpaSpec spec) {
                if (spec.metric().type() != HpaMetric.Type.CPU || spec.metric().target() > 1) {
                    throw new InvalidInputException("recommend tunes an hpa on cpu with a target up to 1 (100 % of the request);"
                            + " this scenario's hpa scales on " + spec.metric().type().key() + " at " + spec.metric().target()
                            + " (" + scenario.source() + ")");
                }
                return spec.metric().target();
            }

            @Override
            public Double fixed(StaticSpec spec) {
                return null;
            }
        });
        Map<String, Integer> nodes = scenario.cluster().map(Config::nodesOf).orElse(null);
        return new Config(a.minReplicas(), a.maxReplicas(), target, nodes);
    }

    private static Map<String, Integer> nodesOf(Cluster cluster) {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        cluster.nodePools().forEach(p -> nodes.put(p.name(), p.count()));
        return nodes;
    }

    /** True for a static policy (a replica count, no target). */
    public boolean isStatic() {
        return targetUtilization == null;
    }

    public Config withMin(int min) {
        return isStatic() ? new Config(min, min, null, nodes) : new Config(min, Math.max(min, maxReplicas), targetUtilization, nodes);
    }

    public Config withMax(int max) {
        return new Config(Math.min(minReplicas, max), max, targetUtilization, nodes);
    }

    public Config withTarget(double target) {
        return new Config(minReplicas, maxReplicas, target, nodes);
    }

    public Config withNodes(String pool, int count) {
        Map<String, Integer> changed = new LinkedHashMap<>(nodes);
        changed.put(pool, count);
        return new Config(minReplicas, maxReplicas, targetUtilization, changed);
    }

    /** {@code scenario} with these settings (its policy and delays, service and traffic unchanged; the run starts at minReplicas). */
    public Scenario applyTo(Scenario scenario) {
        AutoscalerSpec spec = scenario.autoscaler().match(new AutoscalerSpec.Cases<AutoscalerSpec>() {
            @Override
            public AutoscalerSpec azureml(AzureMlSpec a) {
                return a.with(minReplicas, maxReplicas, targetUtilization);
            }

            @Override
            public AutoscalerSpec hpa(HpaSpec h) {
                return h.with(minReplicas, maxReplicas, targetUtilization);
            }

            @Override
            public AutoscalerSpec fixed(StaticSpec s) {
                return new StaticSpec(minReplicas);
            }
        });
        Optional<Cluster> cluster = scenario.cluster().map(c -> new Cluster(c.nodePools().stream()
                .map(p -> new NodePool(p.name(), nodes.getOrDefault(p.name(), p.count()), p.cpu(), p.memoryGb(), p.gpu()))
                .toList(), c.schedulingTimeout()));
        return new Scenario(scenario.name(), scenario.seed(), scenario.service(), spec, cluster, scenario.traffic(),
                scenario.slo(), scenario.cost(), scenario.request(), scenario.source());
    }

    /** What differs from {@code from}, e.g. {@code minReplicas 10 → 17, targetUtilization 0.7 → 0.5}; "no change" when nothing does. */
    public String changesFrom(Config from) {
        List<String> changes = new ArrayList<>();
        if (isStatic()) {
            if (minReplicas != from.minReplicas) {
                changes.add("replicas " + from.minReplicas + " → " + minReplicas);
            }
        } else {
            if (minReplicas != from.minReplicas) {
                changes.add("minReplicas " + from.minReplicas + " → " + minReplicas);
            }
            if (!targetUtilization.equals(from.targetUtilization)) {
                changes.add("targetUtilization " + HumanFormat.plain(from.targetUtilization) + " → " + HumanFormat.plain(targetUtilization));
            }
            if (maxReplicas != from.maxReplicas) {
                changes.add("maxReplicas " + from.maxReplicas + " → " + maxReplicas);
            }
        }
        if (nodes != null) {
            nodes.forEach((pool, n) -> {
                int was = from.nodes.getOrDefault(pool, n);
                if (n != was) {
                    changes.add("nodes in pool " + pool + " " + was + " → " + n);
                }
            });
        }
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    /** How many settings differ from {@code from}: fewer changes rank first among equally cheap configs. */
    int changeCount(Config from) {
        return changedSettings(from).size();
    }

    /** The names of the settings that differ from {@code from} ({@code minReplicas}, ..., {@code nodes.POOL}). */
    java.util.Set<String> changedSettings(Config from) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (minReplicas != from.minReplicas) {
            out.add("minReplicas");
        }
        if (maxReplicas != from.maxReplicas) {
            out.add("maxReplicas");
        }
        if (!java.util.Objects.equals(targetUtilization, from.targetUtilization)) {
            out.add("targetUtilization");
        }
        if (nodes != null) {
            nodes.forEach((pool, n) -> {
                if (!n.equals(from.nodes.get(pool))) {
                    out.add("nodes." + pool);
                }
            });
        }
        return out;
    }
}
