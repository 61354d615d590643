package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.Field;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.MapNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON body of a Prometheus {@code GET /api/v1/query_range} response
 * (prometheus.io/docs/prometheus/2.55/querying/api): {@code {"status": "success", "data":
 * {"resultType": "matrix", "result": [{"metric": {...}, "values": [[1435781430.781, "1"], ...]}]}}}.
 * Timestamps are unix seconds (a JSON number, possibly fractional); values are strings, parsed as
 * numbers ({@code "NaN"} is a gap). Several series (one per label set) are summed, sample by
 * sample, when they share one time grid, and refused when they do not.
 */
final class PrometheusTrace {
    private static final String SOURCE = "a Prometheus query_range series";

    private PrometheusTrace() {
    }

    /** Whether {@code root} looks like a Prometheus API response (it has {@code status} and {@code data}). */
    static boolean recognizes(Node root) {
        return root instanceof MapNode m && m.fields().containsKey("data") && m.fields().containsKey("status");
    }

    static TraceReader.Rows read(Node root, TraceValues values, String file) {
        MapNode response = (MapNode) root;
        Node status = response.fields().get("status").value();
        if (!(status instanceof ScalarNode s && s.text().equals("success"))) {
            throw Section.error("a Prometheus response's status must be \"success\" (an error response holds no series)", status);
        }
        MapNode data = map(response.fields().get("data").value(), "data");
        Node type = field(data, "resultType", "data");
        if (!(type instanceof ScalarNode t && t.text().equals("matrix"))) {
            throw Section.error("a Prometheus response's data.resultType must be \"matrix\" (a query_range; an instant query"
                    + " has one sample per series)", type);
        }
        ListNode result = list(field(data, "result", "data"), "data.result");
        if (result.items().isEmpty()) {
            throw Section.error("a Prometheus response's data.result must hold at least one series (the query matched none)",
                    "an empty list", result.location());
        }
        List<TimedPoint> sum = null;
        for (int i = 0; i < result.items().size(); i++) {
            String path = "data.result[" + i + "]";
            MapNode series = map(result.items().get(i), path);
            List<TimedPoint> points = points(list(field(series, "values", path), path + ".values"), path + ".values");
            TimedSeries.rows(points, values, SOURCE, file);
            if (sum == null) {
                sum = points;
                continue;
            }
            if (points.size() != sum.size() || points.get(0).epochMillis() != sum.get(0).epochMillis()) {
                throw new InvalidInputException("the series of a Prometheus response are summed, so they must share one time"
                        + " grid (" + sum.size() + " samples from " + java.time.Instant.ofEpochMilli(sum.get(0).epochMillis())
                        + " as data.result[0]), but " + path + " has " + points.size() + " from " + java.time.Instant
                                .ofEpochMilli(points.get(0).epochMillis()) + "; aggregate in the query, e.g. sum(rate(...))"
                        + " (" + points.get(0).at() + ")");
            }
            List<TimedPoint> added = new ArrayList<>(sum.size());
            for (int j = 0; j < sum.size(); j++) {
                TimedPoint a = sum.get(j);
                added.add(new TimedPoint(a.epochMillis(), a.value() + points.get(j).value(), a.at()));
            }
            sum = added;
        }
        return TimedSeries.rows(sum, values, SOURCE, file);
    }

    private static List<TimedPoint> points(ListNode values, String path) {
        List<TimedPoint> points = new ArrayList<>(values.items().size());
        for (int i = 0; i < values.items().size(); i++) {
            Node item = values.items().get(i);
            if (!(item instanceof ListNode pair) || pair.items().size() != 2) {
                throw Section.error(path + "[" + i + "] must be a pair [unix seconds, \"value\"]", item);
            }
            Node time = pair.items().get(0);
            Node value = pair.items().get(1);
            if (!(time instanceof ScalarNode t) || !(t.kind() == Node.Kind.INTEGER || t.kind() == Node.Kind.DECIMAL)) {
                throw Section.error(path + "[" + i + "][0] must be a unix time in seconds (a number)", time);
            }
            long millis;
            try {
                millis = new BigDecimal(t.text()).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw Section.error(path + "[" + i + "][0] must be a unix time in seconds", time);
            }
            if (!(value instanceof ScalarNode v) || v.kind() != Node.Kind.STRING) {
                throw Section.error(path + "[" + i + "][1] must be the sample's value as a string, e.g. \"12.5\"", value);
            }
            double number;
            try {
                number = Double.parseDouble(v.text());
            } catch (NumberFormatException e) {
                throw Section.error(path + "[" + i + "][1] must be a number (as a string)", value);
            }
            points.add(new TimedPoint(millis, number, time.location().toString()));
        }
        return points;
    }

    static Node field(MapNode map, String key, String path) {
        Field f = map.fields().get(key);
        if (f == null) {
            throw Section.error((path.isEmpty() ? "" : path + ".") + key + " is required", "missing", map.location());
        }
        return f.value();
    }

    static MapNode map(Node node, String path) {
        if (node instanceof MapNode m) {
            return m;
        }
        throw Section.error(path + " must be an object", node);
    }

    static ListNode list(Node node, String path) {
        if (node instanceof ListNode l) {
            return l;
        }
        throw Section.error(path + " must be a list", node);
    }
}
