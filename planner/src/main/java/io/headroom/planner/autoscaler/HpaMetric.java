package io.headroom.planner.autoscaler;

/**
 * The one metric an {@code hpa} policy scales on, and its target.
 *
 * <ul>
 *   <li>{@code cpu}: a Resource metric with an {@code averageUtilization} target, given here as a
 *       fraction of the CPU request ({@code 0.6} = 60 %); a replica's CPU follows its busy slots
 *       ({@code service.cpuUsage}).</li>
 *   <li>{@code concurrency}: a Pods metric, {@code AverageValue} of in-flight requests per pod (busy
 *       plus waiting), as a Prometheus adapter serves an in-flight gauge.</li>
 *   <li>{@code rps}: a Pods metric, {@code AverageValue} of requests per second per ready pod, as
 *       {@code rate()} of a request counter gives it.</li>
 *   <li>{@code external}: an External metric with an {@code AverageValue} target (KEDA's default): the
 *       total request rate of the service, requests per second, divided by the target per pod.</li>
 * </ul>
 *
 * @param type the metric
 * @param target for {@code cpu} the utilization in (0, 10] (a fraction; above 1 is allowed, as upstream
 *     allows targets above 100 %); for the others the average per pod, &gt; 0
 */
public record HpaMetric(Type type, double target) {
    /** The metric types, by their scenario names. */
    public enum Type {
        CPU("cpu"), CONCURRENCY("concurrency"), RPS("rps"), EXTERNAL("external");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        /** The name in a scenario file. */
        public String key() {
            return key;
        }
    }

    /** autoscaling/v2's default when an HPA names no metric: CPU at 80 % of the request. */
    public static final HpaMetric DEFAULT = new HpaMetric(Type.CPU, 0.8);

    public HpaMetric {
        if (type == null) {
            throw new IllegalArgumentException("metric type must be given");
        }
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("metric target must be > 0 but was " + target);
        }
    }

    /** The target as upstream holds it: integer percent for cpu, milli-units per pod otherwise. */
    public long upstreamTarget() {
        return type == Type.CPU ? Math.round(target * 100) : Math.round(target * 1000);
    }
}
