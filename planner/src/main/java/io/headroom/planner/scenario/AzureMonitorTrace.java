package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.PrometheusTrace.field;
import static io.headroom.planner.scenario.PrometheusTrace.list;
import static io.headroom.planner.scenario.PrometheusTrace.map;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.Field;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.MapNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Azure Monitor metrics JSON of an Azure ML online endpoint ({@code az monitor metrics
 * list}, the REST {@code Metrics - List} body; schema from Azure/azure-rest-api-specs
 * {@code .../2018-01-01/examples/GetMetric.json}): the metric named {@code RequestsPerMinute} in
 * {@code value[]}, its {@code timeseries[].data[]} points with an ISO-8601 {@code timeStamp}. Each
 * point's {@code total}, or {@code average} when the export has no totals (the aggregation is
 * chosen by the first point and every point must carry it — a point without it is a gap), is read
 * as requests per minute, so a bucket of the export's grain holds value × grain / 1 min requests.
 * Several time series (a {@code --dimension} split, e.g. by status code) are summed when they
 * share one time grid.
 */
final class AzureMonitorTrace {
    static final String METRIC = "RequestsPerMinute";
    private static final String SOURCE = "an Azure Monitor " + METRIC + " series";

    private AzureMonitorTrace() {
    }

    /** Whether {@code root} looks like an Azure Monitor metrics response ({@code value} is a list of metrics with {@code timeseries}). */
    static boolean recognizes(Node root) {
        return root instanceof MapNode m && m.fields().get("value") != null && m.fields().get("value").value() instanceof ListNode;
    }

    static TraceReader.Rows read(Node root, String file) {
        ListNode metrics = list(((MapNode) root).fields().get("value").value(), "value");
        MapNode metric = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < metrics.items().size(); i++) {
            MapNode m = map(metrics.items().get(i), "value[" + i + "]");
            Node name = field(map(field(m, "name", "value[" + i + "]"), "value[" + i + "].name"), "value", "value[" + i + "].name");
            String text = name instanceof ScalarNode s ? s.text() : name.describe();
            names.add(text);
            if (text.equals(METRIC)) {
                metric = m;
            }
        }
        if (metric == null) {
            throw Section.error("an Azure Monitor export must hold the metric " + METRIC + " (az monitor metrics list --metrics "
                    + METRIC + ")", names.isEmpty() ? "no metric" : "only " + String.join(", ", names), metrics.location());
        }
        ListNode series = list(field(metric, "timeseries", METRIC), METRIC + ".timeseries");
        if (series.items().isEmpty()) {
            throw Section.error(METRIC + ".timeseries must hold at least one series", "an empty list", series.location());
        }
        List<TimedPoint> sum = null;
        String aggregation = null;
        for (int i = 0; i < series.items().size(); i++) {
            String path = METRIC + ".timeseries[" + i + "].data";
            ListNode data = list(field(map(series.items().get(i), path), "data", METRIC + ".timeseries[" + i + "]"), path);
            if (aggregation == null && !data.items().isEmpty()) {
                MapNode first = map(data.items().get(0), path + "[0]");
                aggregation = first.fields().containsKey("total") ? "total" : "average";
            }
            List<TimedPoint> points = points(data, path, aggregation);
            TimedSeries.rows(points, TraceValues.RATES, SOURCE, file);
            if (sum == null) {
                sum = points;
                continue;
            }
            if (points.size() != sum.size() || points.get(0).epochMillis() != sum.get(0).epochMillis()) {
                throw new InvalidInputException("the time series of " + METRIC + " are summed, so they must share one time grid ("
                        + sum.size() + " points as timeseries[0]) but timeseries[" + i + "] has " + points.size() + " ("
                        + points.get(0).at() + ")");
            }
            List<TimedPoint> added = new ArrayList<>(sum.size());
            for (int j = 0; j < sum.size(); j++) {
                added.add(new TimedPoint(sum.get(j).epochMillis(), sum.get(j).value() + points.get(j).value(), sum.get(j).at()));
            }
            sum = added;
        }
        return TimedSeries.rows(sum, TraceValues.RATES, SOURCE, file);
    }

    /** The points as per-second rates (requests per minute / 60). */
    private static List<TimedPoint> points(ListNode data, String path, String aggregation) {
        List<TimedPoint> points = new ArrayList<>(data.items().size());
        for (int i = 0; i < data.items().size(); i++) {
            MapNode point = map(data.items().get(i), path + "[" + i + "]");
            Node time = field(point, "timeStamp", path + "[" + i + "]");
            long millis;
            try {
                millis = OffsetDateTime.parse(((ScalarNode) time).text()).toInstant().toEpochMilli();
            } catch (ClassCastException | DateTimeParseException e) {
                throw Section.error(path + "[" + i + "].timeStamp must be an ISO-8601 time such as 2024-03-04T08:45:00Z", time);
            }
            Field value = point.fields().get(aggregation);
            if (value == null) {
                throw new InvalidInputException(SOURCE + " must have no gaps, each point with its " + aggregation + " as the first,"
                        + " but this one has none (" + time.location() + ")");
            }
            if (!(value.value() instanceof ScalarNode v) || !(v.kind() == Node.Kind.INTEGER || v.kind() == Node.Kind.DECIMAL)) {
                throw Section.error(path + "[" + i + "]." + aggregation + " must be a number", value.value());
            }
            points.add(new TimedPoint(millis, Double.parseDouble(v.text()) / 60, time.location().toString()));
        }
        return points;
    }
}
