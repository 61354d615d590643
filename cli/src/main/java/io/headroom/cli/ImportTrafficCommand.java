package io.headroom.cli;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.TrafficImport;
import io.headroom.planner.time.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom import traffic}: a monitoring export as a trace of counts. */
@Command(name = "traffic", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Convert a monitoring export of request rates or counts into a trace of counts for traffic.trace.",
        description = {
            "Reads the formats traffic.trace accepts: a Prometheus query_range JSON response (curl 'http://prometheus:9090/api/v1/query_range?query=sum(rate(nginx_ingress_controller_requests[1m]))&start=...&end=...&step=15'; several series are summed), a timestamp/value CSV (Grafana's panel Inspect > Data > Download CSV, with , or ; and an optional sep= line; numeric times are epoch milliseconds), an Azure Monitor metrics JSON with RequestsPerMinute (az monitor metrics list --metrics RequestsPerMinute), or headroom's own CSV of counts.",
            "",
            "The timestamps give the resolution (the spacing of the first two samples); a gap or a sample out of order is an error naming file:line:column. Values become whole requests by carried rounding, so the total is the rounded sum of what the values stand for.",
            "",
            "Writes --out as time,requests (ISO-8601 UTC) and prints the requests, the peak and mean rate and their ratio.",
            ""},
        footer = {"", "Examples:",
            "  headroom import traffic scenarios/traces/prometheus-day.json --values rates --out trace.csv",
            "  headroom import traffic grafana.csv --values counts --from 2h --to 4h --scale 1.5 --out peak.csv"})
final class ImportTrafficCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The export: .json (Prometheus, Azure Monitor) or .csv.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the trace of counts.")
    Path out;

    @Option(names = "--values", paramLabel = "KIND",
            description = "rates (requests per second, e.g. rate()) or counts (requests per sample, e.g. increase()). Required for"
                    + " Prometheus and timestamp/value CSVs; not for Azure Monitor, whose values are requests per minute.")
    String values;

    @Option(names = "--resolution", paramLabel = "DURATION",
            description = "The bucket length of a CSV of counts without a time column; must match the timestamps otherwise.")
    Duration resolution;

    @Option(names = "--from", paramLabel = "DURATION", description = "Keep the trace from this far into it (a whole number of buckets).")
    Duration from;

    @Option(names = "--to", paramLabel = "DURATION", description = "Keep the trace up to this far into it (a whole number of buckets).")
    Duration to;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1", description = "Multiply every count by X. Default: ${DEFAULT-VALUE}.")
    double scale;

    @Override
    public Integer call() {
        TrafficImport.Imported imported = TrafficImport.read(file, Optional.ofNullable(values), Optional.ofNullable(resolution), from,
                to, scale);
        try {
            Files.writeString(out, TrafficImport.csv(imported), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + out + ": " + e.getClass().getSimpleName());
        }
        PrintWriter o = spec.commandLine().getOut();
        double peak = imported.peakPerSecond();
        double mean = imported.meanPerSecond();
        o.println(String.format(Locale.ROOT, "%s: %s, %d buckets of %s%s", file.getFileName(), imported.format(), imported.counts().size(),
                Durations.format(imported.trace().resolution()), imported.start().map(s -> " from " + s).orElse("")));
        o.println(String.format(Locale.ROOT, "  requests      %d", imported.total()));
        o.println(String.format(Locale.ROOT, "  peak          %.3f rps (busiest bucket)", peak));
        o.println(String.format(Locale.ROOT, "  mean          %.3f rps", mean));
        o.println(String.format(Locale.ROOT, "  peak/mean     %s", mean > 0 ? String.format(Locale.ROOT, "%.2f", peak / mean) : "-"));
        o.println("wrote " + out);
        o.flush();
        return ExitCode.OK;
    }
}
