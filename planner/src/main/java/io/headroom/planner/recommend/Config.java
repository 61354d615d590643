package io.headroom.planner.recommend;

import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.HumanFormat;
import io.headroom.planner.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the settings space a recommendation searches.
 *
 * @param minReplicas warm replicas (a static policy's count)
 * @param maxReplicas the cap (equal to minReplicas for a static policy)
 * @param targetUtilization the share of concurrency slots the policy's target keeps busy: azureml's target itself, for an
 *     hpa the slot utilization its metric target implies; null for a static policy
 * @param nodes node count per pool, in the scenario's pool order; null when the scenario has no cluster
 * @param scale how {@code targetUtilization} reads as the policy's own setting
 * @param tuning the policy's own knobs (an hpa's behavior, Knative's burst capacity and stable window); null for others
 * @param floors scheduled floors added to the scenario's own {@code autoscaler.schedule}; {@link Schedule#NONE} for none
 * @param placeholders the cluster's placeholder pods ({@code cluster.placeholders.replicas}); 0 without a cluster
 * @param minPools the pools whose entry in {@code nodes} is their min, as the cluster autoscaler resizes them
 */
public record Config(int minReplicas, int maxReplicas, Double targetUtilization, Map<String, Integer> nodes, TargetScale scale,
        Tuning tuning, Schedule floors, int placeholders, java.util.Set<String> minPools) {
    /**
     * A policy's target setting as a function of slot utilization u: {@code u × perUtilization + offset},
     * named as in the scenario file.
     */
    public record TargetScale(String name, double perUtilization, double offset) {
        /** azureml: the setting is the utilization. */
        public static final TargetScale UTILIZATION = new TargetScale("targetUtilization", 1, 0);

        /** The setting for slot utilization {@code u}. */
        public double setting(double u) {
            return u * perUtilization + offset;
        }
    }

    /** A configuration whose target is azureml's utilization. */
    public Config(int minReplicas, int maxReplicas, Double targetUtilization, Map<String, Integer> nodes) {
        this(minReplicas, maxReplicas, targetUtilization, nodes, TargetScale.UTILIZATION, null);
    }

    /** A configuration without placeholders. */
    public Config(int minReplicas, int maxReplicas, Double targetUtilization, Map<String, Integer> nodes, TargetScale scale,
            Tuning tuning, Schedule floors) {
        this(minReplicas, maxReplicas, targetUtilization, nodes, scale, tuning, floors, 0, java.util.Set.of());
    }

    /** A configuration without added scheduled floors. */
    public Config(int minReplicas, int maxReplicas, Double targetUtilization, Map<String, Integer> nodes, TargetScale scale,
            Tuning tuning) {
        this(minReplicas, maxReplicas, targetUtilization, nodes, scale, tuning, Schedule.NONE);
    }

    public Config {
        java.util.Objects.requireNonNull(floors, "floors");
        if (scale == null) {
            throw new IllegalArgumentException("a config needs its target scale");
        }
        if (minReplicas < 0 || maxReplicas < Math.max(1, minReplicas)) {
            throw new IllegalArgumentException("a config needs 0 <= minReplicas <= maxReplicas, maxReplicas >= 1, but had " + minReplicas + ".."
                    + maxReplicas);
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
        minPools = java.util.Set.copyOf(minPools);
        if (placeholders < 0) {
            throw new IllegalArgumentException("placeholders must be >= 0 but were " + placeholders);
        }
    }

    /** The same settings with {@code count} placeholder pods. */
    public Config withPlaceholders(int count) {
        return new Config(minReplicas, maxReplicas, targetUtilization, nodes, scale, tuning, floors, count, minPools);
    }

    /** The configuration a scenario already has ({@code ConfigMapping} reads it). */
    public static Config of(Scenario scenario) {
        return ConfigMapping.of(scenario);
    }

    /** True for a static policy (a replica count, no target). */
    public boolean isStatic() {
        return targetUtilization == null;
    }

    public Config withMin(int min) {
        return isStatic() ? new Config(min, min, null, nodes, scale, tuning, floors, placeholders, minPools)
                : new Config(min, Math.max(min, maxReplicas), targetUtilization, nodes, scale, tuning, floors, placeholders, minPools);
    }

    public Config withMax(int max) {
        return new Config(Math.min(minReplicas, max), max, targetUtilization, nodes, scale, tuning, floors, placeholders, minPools);
    }

    public Config withTarget(double target) {
        return new Config(minReplicas, maxReplicas, target, nodes, scale, tuning, floors, placeholders, minPools);
    }

    /** The same settings with the policy's own knobs set to {@code newTuning}. */
    Config withTuning(Tuning newTuning) {
        return new Config(minReplicas, maxReplicas, targetUtilization, nodes, scale, newTuning, floors, placeholders, minPools);
    }

    public Config withNodes(String pool, int count) {
        Map<String, Integer> changed = new LinkedHashMap<>(nodes);
        changed.put(pool, count);
        return new Config(minReplicas, maxReplicas, targetUtilization, changed, scale, tuning, floors, placeholders, minPools);
    }

    /**
     * The same settings with {@code factor} times the warm replicas (at least one more): the scheduled floors when there
     * are any, else minReplicas (a static policy's count); the cap rises with them when below.
     */
    Config withMoreWarm(double factor) {
        if (!floors.isEmpty()) {
            List<Schedule.Floor> raised = new ArrayList<>();
            int top = 0;
            for (Schedule.Floor f : floors.floors()) {
                int m = Math.max(f.minReplicas() + 1, (int) Math.ceil(f.minReplicas() * factor));
                raised.add(new Schedule.Floor(f.fromSecond(), f.toSecond(), m));
                top = Math.max(top, m);
            }
            return withMax(Math.max(maxReplicas, top)).withFloors(new Schedule(raised));
        }
        return withMin(Math.max(minReplicas + 1, (int) Math.ceil(minReplicas * factor)));
    }

    /** The same settings with {@code added} as the scheduled floors on top of the scenario's own. */
    public Config withFloors(Schedule added) {
        return new Config(minReplicas, maxReplicas, targetUtilization, nodes, scale, tuning, added, placeholders, minPools);
    }

    /** {@code scenario} with these settings (its policy and delays, service and traffic unchanged; the run starts at minReplicas). */
    public Scenario applyTo(Scenario scenario) {
        return ConfigMapping.applyTo(this, scenario);
    }

    /** The autoscaler settings in words: {@code minReplicas 3, maxReplicas 10, targetUtilization 0.7}, or {@code replicas 4}. */
    public String policyText() {
        String base = isStatic() ? "replicas " + minReplicas
                : "minReplicas " + minReplicas + ", maxReplicas " + maxReplicas + ", " + targetText(targetUtilization);
        return floors.isEmpty() ? base : base + ", " + floorsText(Clock.ELAPSED);
    }

    /** {@code a scheduled floor of 46 from 8:00 to 12:00} (times as {@code clock} prints them); empty without floors. */
    public String floorsText(Clock clock) {
        List<String> parts = new ArrayList<>();
        for (Schedule.Floor f : floors.floors()) {
            parts.add("a scheduled floor of " + f.minReplicas() + " from " + clock.at(f.fromSecond()) + " to " + clock.at(f.toSecond()));
        }
        return String.join(", ", parts);
    }

    /** {@link #policyText} and the node counts, when there is a cluster: {@code ..., nodes {gpu=3}}. */
    public String settingsText() {
        String cluster = nodes == null ? "" : ", " + (minPools.isEmpty() ? "nodes " : "nodes (autoscaled pools: min) ") + nodes
                + (placeholders > 0 ? ", placeholders " + placeholders : "");
        return policyText() + cluster;
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
                changes.add(from.targetText(from.targetUtilization) + " → " + HumanFormat.plain(round(scale.setting(targetUtilization))));
            }
            if (maxReplicas != from.maxReplicas) {
                changes.add("maxReplicas " + from.maxReplicas + " → " + maxReplicas);
            }
            if (tuning != null && from.tuning != null) {
                changes.addAll(tuning.changesFrom(from.tuning));
            }
        }
        if (!floors.equals(from.floors) && !floors.isEmpty()) {
            changes.add("add " + floorsText(Clock.ELAPSED));
        }
        if (nodes != null) {
            nodes.forEach((pool, n) -> {
                int was = from.nodes.getOrDefault(pool, n);
                if (n != was) {
                    changes.add((minPools.contains(pool) ? "min nodes in pool " : "nodes in pool ") + pool + " " + was + " → " + n);
                }
            });
        }
        if (placeholders != from.placeholders) {
            changes.add("placeholders " + from.placeholders + " → " + placeholders);
        }
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    /** The target as the policy names it, e.g. {@code targetUtilization 0.5} or {@code metric.targetAverage 20}; for slot utilization {@code u}. */
    public String targetText(double u) {
        return scale.name() + " " + HumanFormat.plain(round(scale.setting(u)));
    }

    /** A setting shown to three significant digits. */
    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
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
        if (tuning != null && from.tuning != null) {
            out.addAll(tuning.changedSettings(from.tuning));
        }
        if (!floors.equals(from.floors)) {
            out.add("schedule");
        }
        if (nodes != null) {
            nodes.forEach((pool, n) -> {
                if (!n.equals(from.nodes.get(pool))) {
                    out.add("nodes." + pool);
                }
            });
        }
        if (placeholders != from.placeholders) {
            out.add("placeholders");
        }
        return out;
    }
}
