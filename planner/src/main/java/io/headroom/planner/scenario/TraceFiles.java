package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which reader a trace file needs, in one place for {@code traffic.trace} and
 * {@code headroom import traffic}: a {@code .json} file is a Prometheus {@code query_range}
 * response ({@link PrometheusTrace}) or an Azure Monitor metrics export ({@link AzureMonitorTrace});
 * a CSV is a timestamp/value export ({@link GrafanaCsvTrace}) when {@code values} is given or it
 * looks like Grafana's (a {@code sep=} line, {@code ;}, a quoted header), else headroom's own CSV of
 * counts ({@link TraceReader}).
 */
final class TraceFiles {
    /** The formats, as {@code headroom import traffic} names them. */
    enum Format {
        COUNTS_CSV("CSV of counts"), PROMETHEUS("Prometheus query_range JSON"), TIMESTAMP_VALUE_CSV("timestamp/value CSV"),
        AZURE_MONITOR("Azure Monitor RequestsPerMinute JSON");

        final String shown;

        Format(String shown) {
            this.shown = shown;
        }
    }

    /** The rows read and the format they were read as. */
    record Read(Format format, TraceReader.Rows rows) {
    }

    private TraceFiles() {
    }

    /**
     * Reads {@code file}; {@code values} is what the series' values mean, when given
     * ({@code valuesKey} names the key or option for messages, {@code at} where the file is named).
     */
    static Read read(SideFile file, Optional<TraceValues> values, String valuesKey, String at) {
        String lower = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            throw new InvalidInputException("a trace must be a CSV or a JSON export (Prometheus query_range, Azure Monitor"
                    + " metrics); YAML traces are not read, but was " + file + " (" + at + ")");
        }
        if (lower.endsWith(".json")) {
            Node root = NodeReader.read(file.path(), "trace file");
            if (PrometheusTrace.recognizes(root)) {
                return new Read(Format.PROMETHEUS, PrometheusTrace.read(root, required(values, valuesKey, "a Prometheus series",
                        at), file.toString()));
            }
            if (AzureMonitorTrace.recognizes(root)) {
                if (values.isPresent()) {
                    throw new InvalidInputException(valuesKey + " does not apply to an Azure Monitor export, whose "
                            + AzureMonitorTrace.METRIC + " values are requests per minute; remove it (" + at + ")");
                }
                return new Read(Format.AZURE_MONITOR, AzureMonitorTrace.read(root, file.toString()));
            }
            throw Section.error("a JSON trace must be a Prometheus query_range response ({\"status\", \"data\": {\"result\"}})"
                    + " or an Azure Monitor metrics export ({\"value\": [{\"name\", \"timeseries\"}]})", root.describe(),
                    root.location());
        }
        List<String> lines = file.lines();
        if (values.isPresent() || GrafanaCsvTrace.recognizes(lines)) {
            return new Read(Format.TIMESTAMP_VALUE_CSV, GrafanaCsvTrace.read(file, required(values, valuesKey,
                    "a timestamp/value CSV (" + file + ")", at)));
        }
        return new Read(Format.COUNTS_CSV, TraceReader.read(file));
    }

    private static TraceValues required(Optional<TraceValues> values, String valuesKey, String what, String at) {
        return values.orElseThrow(() -> new InvalidInputException(valuesKey + " is required for " + what + ": say whether its"
                + " values are rates (requests per second, e.g. rate()) or counts (requests per sample, e.g. increase())"
                + " (" + at + ")"));
    }
}
