package io.headroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.calibrate.GroupedFit;
import io.headroom.planner.calibrate.StartupFit;
import io.headroom.planner.scenario.ReplicaSeries;
import io.headroom.planner.time.Durations;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom calibrate startup}: the replica startup distribution from a step test's ready/desired series. */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fit the replica startup distribution (scale decision to ready) to a step test's desired and ready replicas.",
        description = {
            "Reads FILE: a timeline.csv (or a load test's folder holding one) with the desiredReplicas and readyReplicas columns, one row per second; or a monitoring export as CSV (Grafana's Download CSV of two series joined by time, or hand-made): a time column first (epoch ms, seconds under a seconds header, or timestamps), then columns named desired (or kube_deployment_spec_replicas, kube_horizontalpodautoscaler_status_desired_replicas) and ready (or kube_deployment_status_replicas_ready, kube_deployment_status_replicas_available), evenly spaced. Each rise of desired requests replicas; each rise of ready readies the oldest requested ones (first in, first out); a fall of desired cancels the youngest pending ones. A replica is known to have started up within an interval two samples wide (interval-censored), or to be still starting at the end (right-censored).",
            "",
            "Fits lognormal, gamma and exponential by maximum likelihood on those intervals and prints them, lowest AIC first; --write sets service.startup to the best.",
            ""},
        footer = {"", "Examples:",
            "  headroom loadtest scenarios/calibrate-step.yaml --target http://127.0.0.1:8080/score --out out/step",
            "  headroom calibrate startup out/step --write scenarios/my-service.yaml",
            "  headroom calibrate startup ksm-replicas.csv"})
final class CalibrateStartupCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A timeline.csv with replica columns, or a folder holding one.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--write", paramLabel = "SCENARIO", description = "Set service.startup of this YAML scenario to the best fit.")
    Path write;

    /** Whether {@code path} is headroom's own timeline.csv (its header), rather than a monitoring export. */
    private static boolean isTimeline(Path path) {
        try (java.io.BufferedReader in = Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && first.startsWith("second,arrivals,");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static List<StartupFit.Sample> fromTimeline(Path timeline) {
        List<StartupFit.Sample> series = new ArrayList<>();
        for (TimelineRow r : TimelineCsv.read(timeline)) {
            if (r.replicas() == null) {
                throw new InvalidInputException("a startup fit needs the replica columns (desiredReplicas, readyReplicas) in every"
                        + " row, but second " + r.second() + " has none (" + timeline + ":" + (r.second() + 2) + ":1)");
            }
            series.add(new StartupFit.Sample(r.second(), r.replicas().desired(), r.replicas().ready()));
        }
        return series;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Path timeline = Files.isDirectory(file) ? file.resolve("timeline.csv") : file;
        List<StartupFit.Sample> series = isTimeline(timeline) ? fromTimeline(timeline) : ReplicaSeries.read(timeline).stream()
                .map(s -> new StartupFit.Sample(s.seconds(), s.desired(), s.ready())).toList();
        StartupFit.Result result = StartupFit.fit(series).orElseThrow(() -> new InvalidInputException("a startup fit needs at"
                + " least " + StartupFit.MIN_STARTUPS + " replicas that were requested (desired rose) and became ready within the"
                + " series, but " + timeline + " has fewer; run a step test that scales up (" + timeline + ":2:1)"));
        GroupedFit.Result best = result.best();
        String value = CalibrateServiceTimeCommand.flow(best.family().kind, best.mean() * 1e6, best.cv());
        if (write != null) {
            ScenarioWriter.setServiceKey(write, "startup", value);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Map<String, Object> root = fitJson(best);
            root.put("startups", result.startups());
            root.put("stillStarting", result.stillStarting());
            root.put("grainSeconds", result.grainSeconds());
            root.put("candidates", result.fits().stream().map(f -> {
                Map<String, Object> m = fitJson(f);
                m.put("aic", f.aic());
                return m;
            }).toList());
            out.println(MAPPER.writeValueAsString(root));
        } else {
            out.println(String.format(Locale.ROOT, "%s: %d replica startups (%d still starting at the end), sampled every %s",
                    timeline, result.startups(), result.stillStarting(), Durations.format(Durations.ofSeconds(result.grainSeconds()))));
            if (result.grainSeconds() >= 30) {
                out.println("  warning: samples 30 s or more apart identify the median roughly and bias the spread low");
            }
            out.println(String.format(Locale.ROOT, "  startup   %s, median %.2f s, p95 %.2f s, mean %.2f s, cv %.3f", best.family().kind,
                    best.quantile(0.5), best.quantile(0.95), best.mean(), best.cv()));
            out.println();
            out.println(String.format(Locale.ROOT, "  %-12s %10s %10s %10s %8s %10s", "family", "median s", "p95 s", "mean s", "cv",
                    "AIC"));
            for (GroupedFit.Result f : result.fits()) {
                out.println(String.format(Locale.ROOT, "  %-12s %10.2f %10.2f %10.2f %8.3f %10.2f", f.family().kind, f.quantile(0.5),
                        f.quantile(0.95), f.mean(), f.cv(), f.aic()));
            }
            if (write != null) {
                out.println();
                out.println("wrote service.startup: " + value + " to " + write);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** A fit's distribution and its median, mean, p95 and cv, in that order (the JSON keys of the winner and of each candidate). */
    private static Map<String, Object> fitJson(GroupedFit.Result f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", f.family().kind);
        m.put("medianSeconds", f.quantile(0.5));
        m.put("meanSeconds", f.mean());
        m.put("p95Seconds", f.quantile(0.95));
        m.put("cv", f.cv());
        return m;
    }
}
