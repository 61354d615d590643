package io.headroom.planner.sizing;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * What to size for.
 *
 * @param targetRps         arrival rate to serve, requests per second, &gt; 0 (Poisson arrivals)
 * @param latency           mean service time of one request on a replica, &gt; 0
 * @param targetUtilization autoscaler target utilization, in (0, 1]
 * @param concurrency       requests one replica serves at once ({@code replica_max_concurrent_requests}), &ge; 1
 * @param maxWait           router queue wait after which a request gets 503 ({@code max_request_wait_time}), &ge; 0
 * @param serviceCv         coefficient of variation of the service time (1 = exponential), &ge; 0
 * @param slo503            largest acceptable fraction of requests rejected with 503, in [0, 1); null: no such SLO
 * @param sloP99Wait        largest acceptable p99 of the router queue wait; null: no such SLO
 * @param resources         what one replica requests from a node
 * @param nodePools         the cluster's node pools, filled in this order; empty: capacity is not checked
 */
public record SizingQuery(double targetRps, Duration latency, double targetUtilization, int concurrency,
                          Duration maxWait, double serviceCv, Double slo503, Duration sloP99Wait,
                          Resources resources, List<NodePool> nodePools) {
    public SizingQuery {
        if (!(targetRps > 0) || Double.isInfinite(targetRps)) {
            throw new IllegalArgumentException("target rps must be > 0 but was " + targetRps);
        }
        if (latency == null || latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("latency must be > 0s but was " + format(latency));
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("target utilization must be in (0, 1] but was " + targetUtilization);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("max wait must be >= 0s but was " + format(maxWait));
        }
        if (!(serviceCv >= 0) || Double.isInfinite(serviceCv)) {
            throw new IllegalArgumentException("service cv must be >= 0 but was " + serviceCv);
        }
        if (slo503 != null && !(slo503 >= 0 && slo503 < 1)) {
            throw new IllegalArgumentException("503 SLO must be a fraction in [0, 1) but was " + slo503);
        }
        if (sloP99Wait != null && sloP99Wait.isNegative()) {
            throw new IllegalArgumentException("p99 wait SLO must be >= 0s but was " + format(sloP99Wait));
        }
        if (resources == null) {
            throw new IllegalArgumentException("resources are required");
        }
        nodePools = nodePools == null ? List.of() : List.copyOf(nodePools);
    }

    /** True when a 503 or a p99 wait SLO is given. */
    public boolean hasSlo() {
        return slo503 != null || sloP99Wait != null;
    }

    /** Offered load a = rps × latency, in Erlangs (busy servers on average). */
    public double offeredLoadErlangs() {
        return targetRps * Durations.seconds(latency);
    }

    private static String format(Duration d) {
        return d == null ? "missing" : Durations.format(d);
    }
}
