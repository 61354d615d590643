package io.headroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.calibrate.QueueWait;
import io.headroom.planner.calibrate.ServiceTimeFit;
import io.headroom.planner.time.Durations;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom calibrate service-time}: the service-time distribution from a low-load run. */
@Command(name = "service-time", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fit the service-time distribution to a low-load load test's latencies.",
        description = {
            "Reads DIR/latency.hlog (the per-second HdrHistogram interval log headroom loadtest writes) after the warm-up, and fits lognormal, gamma and exponential by maximum likelihood on the histogram's buckets (commons-math3 Nelder-Mead from the method of moments).",
            "",
            "Each fit is judged by the relative error of its p50, p95, p99 and p99.9 against the histogram's (a quantile counts only when at least 10 latencies lie above it) and by a G-test on merged cells (expected >= 5, df = cells - 1 - parameters; shown, not decisive: with many samples every model is rejected). The accepted family with the lowest AIC wins; when none is within --tolerance, the answer is empirical.",
            "",
            "At low load latency is service time; the run is refused when DIR/timeline.csv shows 503s or 504s or a mean queue wait (Little's law) above 2 %% of the mean latency. Loopback or network time is not removed.",
            ""},
        footer = {"", "Examples:",
            "  headroom loadtest scenarios/calibrate-low-load.yaml --target http://127.0.0.1:8080/score --out out/low",
            "  headroom calibrate service-time out/low",
            "  headroom calibrate service-time out/low --format json --write scenarios/my-service.yaml"})
final class CalibrateServiceTimeCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] NAMES = {"p50", "p95", "p99", "p99.9"};

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A load test's output folder (latency.hlog, timeline.csv).")
    Path dir;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "5s",
            description = "Leave out the intervals that start this soon after the first. Default: ${DEFAULT-VALUE}.")
    Duration warmUp;

    @Option(names = "--tolerance", paramLabel = "FRACTION", defaultValue = "0.05",
            description = "The largest relative quantile error a family may have. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--write", paramLabel = "SCENARIO",
            description = "Set service.serviceTime of this YAML scenario to the winner (empirical: a samples file beside it).")
    Path write;

    @Option(names = "--no-queue-check", description = "Fit even when the timeline cannot show the queue wait (no replica columns).")
    boolean noQueueCheck;

    @Override
    public Integer call() throws JsonProcessingException {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tolerance must be in (0, 1) but was " + tolerance);
        }
        Histogram latencies = LatencyLog.sumAfter(dir.resolve("latency.hlog"), warmUp);
        List<TimelineRow> rows = TimelineCsv.read(dir.resolve("timeline.csv"));
        List<TimelineRow> afterWarmUp = rows.subList((int) Math.min(rows.size() - 1, warmUp.toSeconds()), rows.size());
        Optional<String> refusal = QueueWait.refusal(afterWarmUp, latencies.getMean(), noQueueCheck);
        if (refusal.isPresent()) {
            throw new InvalidInputException(dir + " is not a low-load run: " + refusal.get() + " (" + dir.resolve("timeline.csv")
                    + ")");
        }
        ServiceTimeFit.Result result = ServiceTimeFit.fit(latencies, tolerance);
        PrintWriter out = spec.commandLine().getOut();
        String written = write == null ? null : write(result);
        if (format == OutputFormat.json) {
            out.println(MAPPER.writeValueAsString(json(result)));
        } else {
            table(result, out, written);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Writes the scenario and returns the value written. */
    private String write(ServiceTimeFit.Result result) {
        String value;
        if (result.distribution().isPresent()) {
            value = flow(result.distributionName(), result.meanMicros(), result.cv());
        } else {
            String name = Names.stem(write) + ".service-time.txt";
            Path samples = write.toAbsolutePath().getParent().resolve(name);
            String text = "# service times fitted by headroom calibrate service-time from " + dir + "\n"
                    + result.empiricalSamples().stream().map(d -> d.toNanos() / 1000 + "us").collect(Collectors.joining("\n")) + "\n";
            try {
                Files.writeString(samples, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot write " + samples + ": " + e.getClass().getSimpleName());
            }
            value = "{distribution: empirical, file: " + name + "}";
        }
        ScenarioWriter.setServiceKey(write, "serviceTime", value);
        return value;
    }

    /** A scenario's flow map for a fitted family: mean rounded to the microsecond, cv to four digits. */
    static String flow(String kind, double meanMicros, double cv) {
        String mean = Durations.format(Duration.ofNanos(Math.max(1, Math.round(meanMicros)) * 1000));
        return kind.equals("exponential") ? "{distribution: exponential, mean: " + mean + "}"
                : String.format(Locale.ROOT, "{distribution: %s, mean: %s, cv: %.4f}", kind, mean, cv);
    }

    private static Map<String, Object> json(ServiceTimeFit.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("distribution", r.distributionName());
        root.put("meanMs", r.meanMicros() / 1000);
        root.put("p99Ms", r.p99Micros() / 1000);
        root.put("cv", r.cv());
        root.put("samples", r.samples());
        root.put("tolerance", r.tolerance());
        Map<String, Object> observed = new LinkedHashMap<>();
        for (int q = 0; q < NAMES.length; q++) {
            observed.put(NAMES[q], r.observedMicros()[q] / 1000);
        }
        root.put("observedMs", observed);
        List<Map<String, Object>> candidates = r.candidates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("distribution", c.family().kind);
            m.put("accepted", c.accepted());
            m.put("meanMs", c.fit().mean() / 1000);
            m.put("cv", c.fit().cv());
            m.put("aic", c.fit().aic());
            m.put("negativeLogLikelihood", c.fit().negativeLogLikelihood());
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("g", c.gTest().g());
            g.put("df", c.gTest().df());
            g.put("cells", c.gTest().cells());
            g.put("p", Double.isNaN(c.gTest().pValue()) ? null : c.gTest().pValue());
            m.put("gTest", g);
            Map<String, Object> errors = new LinkedHashMap<>();
            for (int q = 0; q < NAMES.length; q++) {
                errors.put(NAMES[q], c.judged()[q] ? c.relativeErrors()[q] : null);
            }
            m.put("relativeErrors", errors);
            return m;
        }).toList();
        root.put("candidates", candidates);
        return root;
    }

    private void table(ServiceTimeFit.Result r, PrintWriter out, String written) {
        out.println(String.format(Locale.ROOT, "%s: %d latencies after a %s warm-up", dir, r.samples(), Durations.format(warmUp)));
        out.println(String.format(Locale.ROOT, "  service time   %s, mean %.2f ms, p99 %.2f ms, cv %.3f", r.distributionName(),
                r.meanMicros() / 1000, r.p99Micros() / 1000, r.cv()));
        out.println();
        out.println(String.format(Locale.ROOT, "  %-12s %9s %8s %8s %8s %8s %14s %9s  %s", "family", "mean ms", "cv", "p50", "p95",
                "p99", "p99.9", "G-test p", "verdict"));
        for (ServiceTimeFit.Candidate c : r.candidates()) {
            StringBuilder errors = new StringBuilder();
            for (int q = 0; q < NAMES.length; q++) {
                errors.append(String.format(Locale.ROOT, q == 3 ? " %14s" : " %8s", c.judged()[q] ? String.format(Locale.ROOT,
                        "%+.1f%%", 100 * c.relativeErrors()[q]) : (q == 3 ? "(too few)" : "-")));
            }
            double p = c.gTest().pValue();
            out.println(String.format(Locale.ROOT, "  %-12s %9.2f %8.3f%s %9s  %s", c.family().kind, c.fit().mean() / 1000,
                    c.fit().cv(), errors, Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.3g", p),
                    c.accepted() ? (r.winner().isPresent() && r.winner().get() == c ? "winner (lowest AIC)" : "accepted")
                            : "quantiles off by more than " + String.format(Locale.ROOT, "%.0f%%", 100 * r.tolerance())));
        }
        out.println(String.format(Locale.ROOT, "  %-12s %9s %8s %8.2f %8.2f %8.2f %14.2f   (observed, ms)", "histogram", "", "",
                r.observedMicros()[0] / 1000, r.observedMicros()[1] / 1000, r.observedMicros()[2] / 1000, r.observedMicros()[3] / 1000));
        if (written != null) {
            out.println();
            out.println("wrote service.serviceTime: " + written + " to " + write);
        }
    }
}
