package io.headroom.planner.cluster;

import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Kubernetes Cluster Autoscaler's settings for the cluster's node pools (AKS, GKE and EKS run
 * the same component). Defaults are upstream's ({@code kubernetes/autoscaler:cluster-autoscaler/FAQ.md},
 * notes/autoscalers-2.md §4.1), except the expander, whose upstream default is {@code random}.
 *
 * @param scanInterval                  how often it looks at Pending pods and unneeded nodes (10 s)
 * @param maxNodeProvisionTime          a node not Ready this long after the request fails, and its pool backs off (15 min)
 * @param scaleDownUnneededTime         a node unneeded this long is removed (10 min)
 * @param scaleDownDelayAfterAdd        no node is removed this soon after a scale-up (10 min)
 * @param scaleDownUtilizationThreshold a node whose requested share is below this is unneeded if its pods fit elsewhere (0.5)
 * @param expander                      which pool grows when several fit the Pending pods
 */
public record NodeAutoscaler(Duration scanInterval, Duration maxNodeProvisionTime, Duration scaleDownUnneededTime,
        Duration scaleDownDelayAfterAdd, double scaleDownUtilizationThreshold, Expander expander) {
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_NODE_PROVISION_TIME = Duration.ofMinutes(15);
    public static final Duration DEFAULT_SCALE_DOWN_UNNEEDED_TIME = Duration.ofMinutes(10);
    public static final Duration DEFAULT_SCALE_DOWN_DELAY_AFTER_ADD = Duration.ofMinutes(10);
    public static final double DEFAULT_SCALE_DOWN_UTILIZATION_THRESHOLD = 0.5;
    /**
     * A Pending pod younger than this does not trigger a scale-up yet (upstream
     * {@code core/static_autoscaler.go: unschedulablePodTimeBuffer}, hard-coded).
     */
    public static final Duration PENDING_AGE = Duration.ofSeconds(2);
    /**
     * The same for a pod that requests a GPU: "nodes with GPU are very expensive"
     * ({@code unschedulablePodWithGpuTimeBuffer}, hard-coded; Azure/AKS#5573).
     */
    public static final Duration PENDING_AGE_GPU = Duration.ofSeconds(30);
    /** A pool whose node failed to come up is not grown for this long, doubled per failure ({@code --initial-node-group-backoff-duration}). */
    public static final Duration INITIAL_BACKOFF = Duration.ofMinutes(5);
    /** The longest back-off ({@code --max-node-group-backoff-duration}; both in {@code clusterstate/clusterstate.go}). */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    /** Empty nodes removed in one scan at most ({@code --max-empty-bulk-delete}). */
    public static final int MAX_EMPTY_BULK_DELETE = 10;
    /** Pods below this priority never trigger a scale-up ({@code --expendable-pods-priority-cutoff}). */
    public static final int EXPENDABLE_PRIORITY_CUTOFF = -10;

    public static final NodeAutoscaler DEFAULTS = new NodeAutoscaler(DEFAULT_SCAN_INTERVAL, DEFAULT_MAX_NODE_PROVISION_TIME,
            DEFAULT_SCALE_DOWN_UNNEEDED_TIME, DEFAULT_SCALE_DOWN_DELAY_AFTER_ADD, DEFAULT_SCALE_DOWN_UTILIZATION_THRESHOLD,
            Expander.LEAST_WASTE);

    public NodeAutoscaler {
        positive("scanInterval", scanInterval);
        positive("maxNodeProvisionTime", maxNodeProvisionTime);
        nonNegative("scaleDownUnneededTime", scaleDownUnneededTime);
        nonNegative("scaleDownDelayAfterAdd", scaleDownDelayAfterAdd);
        if (!(scaleDownUtilizationThreshold >= 0 && scaleDownUtilizationThreshold <= 1)) {
            throw new IllegalArgumentException("scaleDownUtilizationThreshold must be in [0, 1] but was " + scaleDownUtilizationThreshold);
        }
        Objects.requireNonNull(expander, "expander");
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0s but was " + Durations.format(d));
        }
    }

    private static void nonNegative(String key, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(key + " must be >= 0s but was " + Durations.format(d));
        }
    }

    /** The cluster autoscaler's expanders this model has (upstream also has most-pods and price). */
    public enum Expander {
        /** Uniformly among the pools that fit (upstream's default). */
        RANDOM,
        /** The pool leaving the least idle CPU and memory after the Pending pods are placed; ties by pool order. */
        LEAST_WASTE,
        /** The first pool, in the scenario's order, that fits (the priority expander with one priority per pool). */
        PRIORITY;

        public static final List<String> NAMES = List.of("least-waste", "random", "priority");

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The expander named {@code name}, as a scenario writes it. */
        public static Expander of(String name) {
            for (Expander e : values()) {
                if (e.label().equals(name)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("expander must be one of " + String.join(", ", NAMES) + " but was " + name);
        }
    }
}
