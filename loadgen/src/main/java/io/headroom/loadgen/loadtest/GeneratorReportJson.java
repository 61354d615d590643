package io.headroom.loadgen.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.planner.timeline.JsonFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code loadtest.json} read back: a {@link GeneratorReport}, validated, every error located. */
public final class GeneratorReportJson {
    private GeneratorReportJson() {
    }

    public static GeneratorReport read(Path file) {
        JsonFields g = JsonFields.read(file, "a loadtest.json");
        List<String> warnings = new ArrayList<>();
        JsonNode w = g.optional("warnings");
        if (w != null) {
            if (!w.isArray()) {
                throw g.error("warnings", "warnings must be a list of strings");
            }
            w.forEach(n -> warnings.add(n.asText()));
        }
        return new GeneratorReport(g.optionalText("target"), g.count("plannedRequests"), g.count("sentRequests"), g.count("responses"),
                g.count("noResponses"), number(g, "plannedRps"), number(g, "achievedRps"), number(g, "startLagP50Ms"),
                number(g, "startLagP99Ms"), number(g, "startLagMaxMs"), warnings, g.optionalText("stopReason"),
                g.optionalText("segment"), g.optionalText("startAt"), g.optionalNumber("startSkewMs"));
    }

    private static double number(JsonFields g, String key) {
        Double v = g.optionalNumber(key);
        if (v == null) {
            throw g.error(key, key + " must be a number >= 0");
        }
        return v;
    }
}
