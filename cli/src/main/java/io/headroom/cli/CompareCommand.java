package io.headroom.cli;

import io.headroom.planner.timeline.SummaryJson;
import io.headroom.reports.compare.RegressionThresholds;
import io.headroom.reports.compare.RunComparison;
import io.headroom.reports.compare.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom compare}: a run against a baseline, exit 4 when it is worse than the thresholds allow. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare a run with a baseline; exit 4 when it is worse than --fail-on allows.",
        description = {
            "BASELINE and NEW are --out folders of simulate, loadtest, validate (its observed/ run) or merge. Prints, for both, the 503, 504 and 502 fractions, latency p50/p90/p99, replica-hours, the number of 503 windows and the 503s in them, and each rise (new minus baseline). Latency percentiles of a load test or a merge are read from latency.hlog -- its per-second HdrHistograms added up, never an average of percentiles; a prediction's from its summary.json. When both runs have a plan.json it says whether they replayed the same arrival plan (same scenario traffic and seed).",
            "",
            "Only rises fail: --fail-on sets how much worse NEW may be, so CI can gate a release on 'no worse than last week'. A threshold on a metric a run does not have (replica-hours of a target without /metrics) is an input error, exit 3, not a pass.",
            "",
            "Exit codes: 0 no threshold crossed (or none given); 4 a threshold was crossed, or a run is incomplete while thresholds are set; 3 a folder is not a run, or a threshold cannot be judged; 2 usage.",
            ""},
        footer = {"", "Threshold keys for --fail-on KEY=VALUE (repeatable):",
            "  fraction503  largest absolute rise of the 503 fraction (0.001 = 0.1 points)",
            "  fraction504, fraction502   the same for 504 and 502",
            "  p50, p90, p99  largest relative rise of the latency percentile (0.1 = 10 %%)",
            "  replicaHours   largest relative rise of replica-hours (0.1 = 10 %%)",
            "  windows        largest rise in the number of 503 windows (0)",
            "", "Example:",
            "  headroom compare out/last-week out/today --fail-on fraction503=0.001 --fail-on p99=0.1 --fail-on replicaHours=0.2"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline run's folder.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new run's folder.")
    Path candidate;

    @Option(names = "--fail-on", paramLabel = "KEY=VALUE", description = "How much worse NEW may be; repeatable (keys below).")
    Map<String, String> failOn = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() {
        RegressionThresholds thresholds;
        try {
            thresholds = RegressionThresholds.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
        }
        RunComparison c = RunComparison.of(RunFolder.read(baseline, "BASELINE"), RunFolder.read(candidate, "NEW"), thresholds);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.print(SummaryJson.toJson(c));
        } else {
            new CompareTable(out).print(c);
        }
        out.flush();
        return ExitCode.verdict(!c.verdict().held());
    }
}
