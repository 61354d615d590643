package io.headroom.planner.scenario;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a series of desired and ready replica counts exported from monitoring, for
 * {@code headroom calibrate startup}: a CSV (Grafana's "Download CSV" of two series joined by time,
 * or hand-made) whose first column is the time, as a timestamp/value CSV has it (epoch ms, epoch
 * seconds under a seconds header, or a timestamp), with a header naming a desired column
 * ({@code desired}, {@code kube_deployment_spec_replicas},
 * {@code kube_horizontalpodautoscaler_status_desired_replicas}) and a ready column ({@code ready},
 * {@code kube_deployment_status_replicas_ready}, {@code kube_deployment_status_replicas_available}).
 * Samples must be evenly spaced, as every monitoring series here; counts are whole numbers >= 0.
 */
public final class ReplicaSeries {
    private static final List<String> DESIRED = List.of("desired", "kube_deployment_spec_replicas",
            "kube_horizontalpodautoscaler_status_desired_replicas", "desiredreplicas");
    private static final List<String> READY = List.of("ready", "kube_deployment_status_replicas_ready",
            "kube_deployment_status_replicas_available", "readyreplicas", "available");

    private ReplicaSeries() {
    }

    /** One sample: seconds since the first, and the counts. */
    public record Sample(double seconds, int desired, int ready) {
    }

    public static List<Sample> read(Path path) {
        SideFile file = SideFile.direct(path, "replica series");
        List<String> lines = file.lines();
        char delimiter = 0;
        int desiredColumn = -1;
        int readyColumn = -1;
        boolean seconds = false;
        int columns = 0;
        List<TimedPoint> times = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (delimiter == 0 && line.toLowerCase(Locale.ROOT).startsWith("sep=") && line.length() == 5) {
                delimiter = line.charAt(4);
                continue;
            }
            if (delimiter == 0) {
                delimiter = line.indexOf(';') >= 0 ? ';' : ',';
            }
            List<int[]> spans = GrafanaCsvTrace.cells(raw, delimiter);
            if (columns == 0) {
                columns = spans.size();
                for (int c = 0; c < spans.size(); c++) {
                    String name = GrafanaCsvTrace.cell(raw, spans.get(c)).toLowerCase(Locale.ROOT);
                    if (c == 0) {
                        seconds = GrafanaCsvTrace.SECONDS_HEADERS.contains(name.replaceAll("[^a-z]", ""));
                    } else if (DESIRED.contains(name) && desiredColumn < 0) {
                        desiredColumn = c;
                    } else if (READY.contains(name) && readyColumn < 0) {
                        readyColumn = c;
                    }
                }
                if (desiredColumn < 0 || readyColumn < 0) {
                    throw new InvalidInputException("a replica series needs a header with a time column first, then columns named"
                            + " desired (or kube_deployment_spec_replicas, ...) and ready (or kube_deployment_status_replicas_ready,"
                            + " ...), but the header was " + Excerpt.quoted(line) + " (" + file.at(i, 0) + ")");
                }
                continue;
            }
            if (spans.size() != columns) {
                throw new InvalidInputException("a replica series' rows must have " + columns + " cells like its header but this"
                        + " one has " + spans.size() + ": " + Excerpt.quoted(line) + " (" + file.at(i, 0) + ")");
            }
            String at = file.at(i, spans.get(0)[0]);
            times.add(new TimedPoint(GrafanaCsvTrace.millis(GrafanaCsvTrace.cell(raw, spans.get(0)), seconds, at), 0, at));
            counts.add(new int[] {count(raw, spans.get(desiredColumn), file, i), count(raw, spans.get(readyColumn), file, i)});
        }
        TimedSeries.spacingMillis(times, "a replica series", file.toString());
        List<Sample> samples = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            samples.add(new Sample((times.get(i).epochMillis() - times.get(0).epochMillis()) / 1000.0, counts.get(i)[0],
                    counts.get(i)[1]));
        }
        return samples;
    }

    private static int count(String raw, int[] span, SideFile file, int line) {
        String text = GrafanaCsvTrace.cell(raw, span);
        if (text.matches("\\d{1,9}(\\.0+)?")) {
            return (int) Double.parseDouble(text);
        }
        throw new InvalidInputException("a replica series' counts must be whole numbers >= 0 but was " + Excerpt.quoted(text)
                + " (" + file.at(line, span[0]) + ")");
    }
}
