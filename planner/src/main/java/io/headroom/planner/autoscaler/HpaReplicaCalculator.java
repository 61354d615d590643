package io.headroom.planner.autoscaler;

/**
 * The HPA's per-metric replica calculation, transcribed from kubernetes/kubernetes
 * {@code pkg/controller/podautoscaler/replica_calculator.go} ({@code GetResourceReplicas},
 * {@code calcPlainMetricReplicas}, {@code GetExternalPerPodMetricReplicas}) and
 * {@code metrics/utilization.go}: pods come grouped (ready with a metric, unready, missing a metric)
 * with their values in upstream's integer units (CPU in milli-cores and utilization in whole percent
 * of the request; other metrics in milli-units).
 *
 * <p>Groups, as {@code groupPods} forms them: Pending pods are unready; pods without a metric sample
 * are missing; for CPU, pods not Ready or inside {@code cpuInitializationPeriod} without a sample
 * taken a full window after readiness are unready too. The ratio is taken over the ready pods; when
 * scaling up with unready pods, or with pods missing a metric, the ratio is recomputed with unready
 * pods at 0 (scale-up only) and missing pods at 0 on scale-up or at the target (CPU: at
 * {@code max(100 %, target)} of the request) on scale-down; a recomputed ratio within the tolerance
 * or on the other side of 1 keeps the current count (the direction-flip guard).
 */
public final class HpaReplicaCalculator {
    private HpaReplicaCalculator() {
    }

    /** A proposal, or none when no pod has a usable metric (upstream: "did not receive metrics for targeted pods"). */
    public record Proposal(boolean valid, int replicas, long usage) {
        static Proposal invalid() {
            return new Proposal(false, 0, 0);
        }
    }

    /** Whether {@code ratio} is within the tolerance of 1. */
    static boolean within(double ratio, double tolerance) {
        return 1 - tolerance <= ratio && ratio <= 1 + tolerance;
    }

    /**
     * {@code GetResourceReplicas} for a CPU {@code averageUtilization} target.
     *
     * @param usageMilli CPU use of each ready pod with a metric, milli-cores
     * @param requestMilli CPU request of each of those pods, milli-cores (&gt; 0)
     * @param unreadyRequestMilli CPU requests of the unready pods (their metrics are set aside)
     * @param missingRequestMilli CPU requests of the pods without a metric
     * @param targetPercent the target utilization, whole percent
     * @return the proposal, with {@code usage} the utilization the status reports (whole percent, before rebalancing)
     */
    public static Proposal cpu(int current, long[] usageMilli, long[] requestMilli, long[] unreadyRequestMilli,
            long[] missingRequestMilli, long targetPercent, double tolerance) {
        if (usageMilli.length == 0) {
            return Proposal.invalid();
        }
        long usageTotal = sum(usageMilli);
        long requestTotal = sum(requestMilli);
        long utilization = usageTotal * 100 / requestTotal;
        double ratio = utilization / (double) targetPercent;
        int ready = usageMilli.length;
        boolean scaleUpWithUnready = unreadyRequestMilli.length > 0 && ratio > 1;
        if (!scaleUpWithUnready && missingRequestMilli.length == 0) {
            return new Proposal(true, within(ratio, tolerance) ? current : (int) Math.ceil(ratio * ready), utilization);
        }
        long pods = ready;
        if (missingRequestMilli.length > 0 && ratio != 1) {
            for (long request : missingRequestMilli) {
                usageTotal += ratio < 1 ? request * Math.max(100, targetPercent) / 100 : 0;
                requestTotal += request;
            }
            pods += missingRequestMilli.length;
        }
        if (scaleUpWithUnready) {
            requestTotal += sum(unreadyRequestMilli);
            pods += unreadyRequestMilli.length;
        }
        double newRatio = (usageTotal * 100 / requestTotal) / (double) targetPercent;
        return new Proposal(true, rebalanced(current, ratio, newRatio, pods, tolerance), utilization);
    }

    /**
     * {@code calcPlainMetricReplicas} for a Pods metric with an {@code AverageValue} target.
     *
     * @param valueMilli the metric of each ready pod with a sample, milli-units
     * @param unready pods set aside as unready (Pending)
     * @param missing pods without a sample
     * @param targetMilli the target average per pod, milli-units
     * @return the proposal, with {@code usage} the average the status reports (milli-units)
     */
    public static Proposal pods(int current, long[] valueMilli, int unready, int missing, long targetMilli, double tolerance) {
        if (valueMilli.length == 0) {
            return Proposal.invalid();
        }
        int ready = valueMilli.length;
        long total = sum(valueMilli);
        long usage = total / ready;
        double ratio = usage / (double) targetMilli;
        boolean scaleUpWithUnready = unready > 0 && ratio > 1;
        if (!scaleUpWithUnready && missing == 0) {
            return new Proposal(true, within(ratio, tolerance) ? current : (int) Math.ceil(ratio * ready), usage);
        }
        long pods = ready;
        if (missing > 0 && ratio != 1) {
            total += ratio < 1 ? missing * targetMilli : 0;
            pods += missing;
        }
        if (scaleUpWithUnready) {
            pods += unready;
        }
        double newRatio = (total / pods) / (double) targetMilli;
        return new Proposal(true, rebalanced(current, ratio, newRatio, pods, tolerance), usage);
    }

    /**
     * The proposal for {@code metric} on identical pods in the three groups, each ready pod with a
     * sample reporting {@code valueMilli}: cpu usage in milli-cores of a 1,000-milli-core request, the
     * per-pod average of a Pods metric, or an External metric's total (whose path takes every pod
     * as a status replica and groups none).
     */
    public static Proposal propose(HpaMetric metric, double tolerance, int current, int ready, int unready, int missing,
            long valueMilli) {
        long target = metric.upstreamTarget();
        return switch (metric.type()) {
            case CPU -> cpu(current, identical(ready, valueMilli), identical(ready, 1000), identical(unready, 1000),
                    identical(missing, 1000), target, tolerance);
            case CONCURRENCY, RPS -> pods(current, identical(ready, valueMilli), unready, missing, target, tolerance);
            case EXTERNAL -> externalPerPod(ready + unready + missing, valueMilli, target, tolerance);
        };
    }

    /** {@code n} copies of {@code value}: the pods of a deployment whose pods are identical. */
    public static long[] identical(int n, long value) {
        long[] out = new long[Math.max(0, n)];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    /**
     * {@code GetExternalPerPodMetricReplicas}: an External metric with an {@code AverageValue} target,
     * the path KEDA's scalers take; no pod grouping.
     *
     * @param statusReplicas pods the deployment has now (ready or not)
     * @param totalMilli the metric's value, summed over its series, milli-units
     * @param targetMilliPerPod the target per pod, milli-units
     */
    public static Proposal externalPerPod(int statusReplicas, long totalMilli, long targetMilliPerPod, double tolerance) {
        int replicas = statusReplicas;
        double ratio = totalMilli / ((double) targetMilliPerPod * replicas);
        if (!within(ratio, tolerance)) {
            replicas = (int) Math.ceil(totalMilli / (double) targetMilliPerPod);
        }
        long usage = statusReplicas == 0 ? totalMilli : (long) Math.ceil(totalMilli / (double) statusReplicas);
        return new Proposal(true, replicas, usage);
    }

    private static int rebalanced(int current, double ratio, double newRatio, long pods, double tolerance) {
        if (within(newRatio, tolerance) || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) {
            return current;
        }
        int replicas = (int) Math.ceil(newRatio * pods);
        if ((newRatio < 1 && replicas > current) || (newRatio > 1 && replicas < current)) {
            return current;
        }
        return replicas;
    }
}
