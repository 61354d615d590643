package io.headroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.calibrate.QueueWait;
import io.headroom.planner.calibrate.SlowdownFit;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom calibrate concurrency}: parallel replicas or a slowdown, from runs at several loads. */
@Command(name = "concurrency", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Tell whether a replica serves its concurrent requests in parallel or slows down, from runs at several loads.",
        description = {
            "Reads two or more load tests' folders (DIR/latency.hlog, DIR/timeline.csv), each at one constant rate below saturation. For each run: the arrival rate, the mean latency W after the warm-up and the mean ready replicas R give the requests in flight on a replica when one starts, itself included: E[k] = (rate x W + 1) / R (Little's law; Poisson arrivals see the time average).",
            "",
            "A straight line of W on E[k] gives the service time alone on a replica, S1 = intercept + slope, and the slowdown per extra request, b = slope / S1: the service.slowdown model, S1 x (1 + b x (k - 1)). It slows down when b >= 0.05 and, with three or more runs, the slope is significant (p < 0.05); else the replica serves in parallel. Each run must pass the low-load check of calibrate service-time.",
            ""},
        footer = {"", "Examples:",
            "  headroom calibrate concurrency out/rps5 out/rps10 out/rps15",
            "  headroom calibrate concurrency out/rps5 out/rps10 out/rps15 --write scenarios/my-service.yaml"})
final class CalibrateConcurrencyCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "2..*", description = "Two or more load tests' output folders, at different rates.")
    List<Path> dirs;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "5s",
            description = "Leave out each run's first seconds. Default: ${DEFAULT-VALUE}.")
    Duration warmUp;

    @Option(names = "--replicas", paramLabel = "N",
            description = "Ready replicas during the runs, when the timelines have no replica columns.")
    Integer replicas;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--write", paramLabel = "SCENARIO", description = "Set service.slowdown of this YAML scenario (0 when parallel).")
    Path write;

    @Option(names = "--no-queue-check", description = "Fit even when the timelines cannot show the queue wait.")
    boolean noQueueCheck;

    @Override
    public Integer call() throws JsonProcessingException {
        List<SlowdownFit.Run> runs = new ArrayList<>();
        for (Path dir : dirs) {
            runs.add(run(dir));
        }
        SlowdownFit.Result result;
        try {
            result = SlowdownFit.fit(runs);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage() + " (" + dirs.get(0) + ")");
        }
        String value = String.format(Locale.ROOT, "%.4f", result.modelSlowdown());
        if (write != null) {
            ScenarioWriter.setServiceKey(write, "slowdown", value);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("verdict", result.slowsDown() ? "slowdown" : "parallel");
            root.put("slowdown", result.slowdown());
            root.put("modelSlowdown", result.modelSlowdown());
            root.put("serviceAtOneMs", result.serviceAtOneSeconds() * 1000);
            root.put("slopePValue", Double.isNaN(result.slopePValue()) ? null : result.slopePValue());
            root.put("runs", result.runs().stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dir", r.name());
                m.put("rps", r.ratePerSecond());
                m.put("readyReplicas", r.readyReplicas());
                m.put("inFlightAtStart", r.inFlightAtStart());
                m.put("meanLatencyMs", r.meanLatencySeconds() * 1000);
                return m;
            }).toList());
            out.println(MAPPER.writeValueAsString(root));
        } else {
            out.println(String.format(Locale.ROOT, "  %-28s %9s %8s %12s %14s", "run", "rps", "ready", "in flight k", "mean latency"));
            for (SlowdownFit.Run r : result.runs()) {
                out.println(String.format(Locale.ROOT, "  %-28s %9.2f %8.2f %12.2f %11.2f ms", io.headroom.planner.Excerpt.of(r.name(), 28),
                        r.ratePerSecond(), r.readyReplicas(), r.inFlightAtStart(), r.meanLatencySeconds() * 1000));
            }
            out.println();
            out.println(String.format(Locale.ROOT, "  service alone on a replica S1 %.2f ms; slowdown per extra request b %.4f%s",
                    result.serviceAtOneSeconds() * 1000, result.slowdown(), Double.isNaN(result.slopePValue()) ? ""
                            : String.format(Locale.ROOT, " (slope p %.3g)", result.slopePValue())));
            out.println(result.slowsDown() ? String.format(Locale.ROOT, "  verdict: slows down: S(k) = S1 x (1 + %.4f x (k - 1));"
                    + " model it with service.slowdown: %.4f", result.slowdown(), result.slowdown())
                    : "  verdict: parallel: the replica serves its concurrent requests without slowing down (service.slowdown: 0)");
            if (write != null) {
                out.println();
                out.println("wrote service.slowdown: " + value + " to " + write);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private SlowdownFit.Run run(Path dir) {
        Histogram latencies = LatencyLog.sumAfter(dir.resolve("latency.hlog"), warmUp);
        List<TimelineRow> rows = TimelineCsv.read(dir.resolve("timeline.csv"));
        List<TimelineRow> after = rows.subList((int) Math.min(rows.size() - 1, warmUp.toSeconds()), rows.size());
        Optional<String> refusal = QueueWait.refusal(after, latencies.getMean(), noQueueCheck);
        if (refusal.isPresent()) {
            throw new InvalidInputException(dir + " is not below saturation: " + refusal.get() + " (" + dir.resolve("timeline.csv")
                    + ")");
        }
        double arrivals = after.stream().mapToLong(TimelineRow::arrivals).sum() / (double) after.size();
        double ready;
        if (after.stream().allMatch(r -> r.replicas() != null)) {
            ready = after.stream().mapToInt(r -> r.replicas().ready()).average().orElseThrow();
        } else if (replicas != null && replicas > 0) {
            ready = replicas;
        } else {
            throw new InvalidInputException("the timeline of " + dir + " has no readyReplicas; pass --replicas N ("
                    + dir.resolve("timeline.csv") + ")");
        }
        return new SlowdownFit.Run(dir.toString(), arrivals, latencies.getMean() / 1e6, ready);
    }
}
