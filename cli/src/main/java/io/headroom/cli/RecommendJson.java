package io.headroom.cli;

import io.headroom.planner.recommend.Alternative;
import io.headroom.planner.recommend.Evaluation;
import io.headroom.planner.recommend.NPlusOne;
import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.timeline.SummaryJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code headroom recommend --format json}: stable keys, in a fixed order, numbers rounded so the bytes are stable. */
final class RecommendJson {
    private RecommendJson() {
    }

    static String of(String scenario, Recommendation r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("slo", slo(r.slo(), r.sloDefaulted()));
        json.put("runs", r.runs());
        json.put("screen", r.screen().id());
        json.put("judge", r.judge().id());
        json.put("searched", r.searched());
        json.put("current", entry(r.current()));
        json.put("alternatives", r.alternatives().stream().map(RecommendJson::entry).toList());
        json.put("recommended", r.best().map(Alternative::changes).orElse(null));
        json.put("nPlusOne", r.current().config().nodes() == null ? null : r.nPlusOne().stream().map(RecommendJson::nPlusOne).toList());
        json.put("impossible", r.impossible().orElse(null));
        json.put("bestWithinNodes", r.shortfall().map(f -> entry(f.withinNodes())).orElse(null));
        json.put("meetsWithMoreNodes", r.shortfall().flatMap(f -> f.meeting()).map(RecommendJson::entry).orElse(null));
        return SummaryJson.toJson(json);
    }

    static Map<String, Object> entry(Alternative a) {
        Evaluation e = a.evaluation();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("minReplicas", e.config().minReplicas());
        json.put("maxReplicas", e.config().maxReplicas());
        json.put("targetUtilization", e.config().targetUtilization());
        json.put("nodes", e.config().nodes());
        json.put("meetsSlo", e.meetsSlo());
        json.put("runsMeetingSlo", e.runsMeetingSlo());
        json.put("runs", e.runs());
        json.put("rejected503Fraction", round(e.rejected503Fraction(), 8));
        json.put("p99LatencyMs", round(e.p99LatencyMs(), 3));
        json.put("replicaHours", round(e.replicaHours(), 4));
        json.put("cost", e.cost() == null ? null : round(e.cost(), 4));
        json.put("costDelta", a.costDelta() == null ? null : round(a.costDelta(), 4));
        json.put("replicaHoursDelta", round(a.replicaHoursDelta(), 4));
        if (e.nodeHours() != null) {
            json.put("nodeHours", round(e.nodeHours(), 4));
        }
        json.put("engine", e.engine().id());
        json.put("changes", a.changes());
        json.put("reason", a.reason());
        return json;
    }

    private static Map<String, Object> slo(Slo slo, boolean defaulted) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("max503Fraction", slo.max503Fraction().isPresent() ? slo.max503Fraction().getAsDouble() : null);
        json.put("latencyP50Ms", ms(slo.latencyP50()));
        json.put("latencyP90Ms", ms(slo.latencyP90()));
        json.put("latencyP99Ms", ms(slo.latencyP99()));
        json.put("defaulted", defaulted);
        return json;
    }

    private static Map<String, Object> nPlusOne(NPlusOne n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pool", n.pool());
        json.put("replicasPerNode", n.replicasPerNode());
        json.put("peakReplicas", n.peakReplicas());
        json.put("nodes", n.nodes());
        json.put("nodesInBasis", n.nodesNow());
        json.put("basis", n.basis().name().toLowerCase(java.util.Locale.ROOT));
        json.put("text", n.sentence());
        return json;
    }

    private static Double ms(Optional<Duration> d) {
        return d.map(x -> x.toNanos() / 1e6).orElse(null);
    }

    static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    static List<String> keys() {
        return List.of("minReplicas", "maxReplicas", "targetUtilization", "nodes", "meetsSlo", "runsMeetingSlo", "runs",
                "rejected503Fraction", "p99LatencyMs", "replicaHours", "cost", "costDelta", "engine", "changes", "reason");
    }
}
