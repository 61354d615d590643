package io.headroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headroom.planner.cluster.ClusterFit;
import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.PoolFit;
import io.headroom.planner.cluster.ScaleUpPlan;
import io.headroom.planner.sizing.QueueingCheck;
import io.headroom.planner.sizing.SizingQuery;
import io.headroom.planner.sizing.SizingResult;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code headroom size --format json}: one object, keys in a fixed order (documented in
 * {@code docs/size.md}). Durations are seconds as numbers, fractions are in [0, 1], a value that
 * does not exist (an unstable queue's wait, no SLO, no node pools) is {@code null}.
 */
final class SizeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SizeJson() {
    }

    static String render(SizingResult result) throws JsonProcessingException {
        return render(result, null);
    }

    /** As {@link #render(SizingResult)}, with the service-time p99 the cv was fitted to (null when --cv was given). */
    static String render(SizingResult result, Duration p99) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("replicas", result.replicas());
        root.put("sloReplicas", result.sloReplicas());
        root.putAll(check(result.atReplicas()));
        root.put("atSloReplicas", result.atSloReplicas() == null ? null : check(result.atSloReplicas()));
        root.put("nodes", result.nodes() == null ? null : nodes(result.nodes(), result.query()));
        root.put("inputs", inputs(result.query(), p99));
        root.put("explanation", result.explanation());
        return MAPPER.writeValueAsString(root);
    }

    private static Map<String, Object> check(QueueingCheck check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("servers", check.servers());
        m.put("offeredLoad", check.offeredLoad());
        m.put("utilization", check.utilization());
        m.put("probabilityOfWait", check.probabilityOfWait());
        m.put("meanWait", check.meanWaitSeconds());
        m.put("p99Wait", check.p99WaitSeconds());
        m.put("rejectionFraction", check.rejectionFraction());
        return m;
    }

    private static Map<String, Object> nodes(ClusterFit fit, SizingQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replicas", fit.replicas());
        m.put("fits", fit.fits());
        m.put("replicasThatFit", fit.replicasThatFit());
        m.put("schedulerMessage", fit.schedulerMessage());
        List<Map<String, Object>> pools = fit.pools().stream().map(SizeJson::pool).toList();
        m.put("pools", pools);
        List<ScaleUpPlan> plans = ScaleUpPlan.of(q.resources(), q.nodePools(), fit.replicas(), NodeAutoscaler.DEFAULT_SCAN_INTERVAL);
        if (!plans.isEmpty()) {
            m.put("scaleUps", plans.stream().map(SizeJson::scaleUp).toList());
        }
        return m;
    }

    /** An autoscaled pool's scale-up for the peak: nodes, and seconds from the first Pending replica. */
    private static Map<String, Object> scaleUp(ScaleUpPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool", p.pool().name());
        m.put("max", p.pool().max());
        m.put("nodesNow", p.nodesNow());
        m.put("nodesAtPeak", p.nodesAtPeak());
        m.put("nodesAdded", p.nodesAdded());
        m.put("fitsAtMax", p.fits());
        m.put("askedAfterSecondsMin", p.waitMin().toMillis() / 1000.0);
        m.put("askedAfterSecondsMax", p.waitMax().toMillis() / 1000.0);
        m.put("provisioningSeconds", p.provisioning().map(d -> d.mean().toMillis() / 1000.0).orElse(null));
        return m;
    }

    private static Map<String, Object> pool(PoolFit fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", fit.pool().name());
        m.put("count", fit.pool().count());
        m.put("cpu", fit.pool().cpu());
        m.put("memoryGb", fit.pool().memoryGb());
        m.put("gpu", fit.pool().gpu());
        m.put("replicasPerNode", fit.replicasPerNode());
        m.put("nodesNeeded", fit.nodesNeeded());
        m.put("nodesUsed", fit.nodesUsed());
        m.put("replicasPlaced", fit.replicasPlaced());
        return m;
    }

    private static Map<String, Object> inputs(SizingQuery q, Duration p99) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rps", q.targetRps());
        m.put("latency", seconds(q.latency()));
        m.put("utilization", q.targetUtilization());
        m.put("concurrency", q.concurrency());
        m.put("maxWait", seconds(q.maxWait()));
        m.put("cv", q.serviceCv());
        m.put("p99", seconds(p99));
        m.put("slo503", q.slo503());
        m.put("sloP99Wait", seconds(q.sloP99Wait()));
        m.put("cpu", q.resources().cpu());
        m.put("memoryGb", q.resources().memoryGb());
        m.put("gpu", q.resources().gpu());
        return m;
    }

    private static Double seconds(Duration d) {
        return d == null ? null : Durations.seconds(d);
    }
}
