package io.headroom.cli;

import io.headroom.loadgen.merge.MergeReport;
import io.headroom.loadgen.merge.MergedOutputs;
import io.headroom.loadgen.merge.SegmentMerge;
import io.headroom.planner.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom merge}: the segments of one load test, run by several injectors, as one observed run. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Combine the segments of one load test (loadtest --segment I/N) into one observed run.",
        description = {
            "Reads the --out folders of the N injectors of one load test ('headroom loadtest SCENARIO --segment I/N --start-at TIME'), checks that they are one plan -- the same arrival plan digest, scenario file, seed and N, every segment 0..N-1 exactly once -- and writes one observed run: per second, arrivals and outcomes added, latency p50/p99 from the sum of the segments' HdrHistograms of that intended second (exact: every injector keys its histograms on the same seconds of the same start), the summary's latency from all of them, the replica columns from the lowest segment that has them, and the SLO verdicts against the same objectives.",
            "",
            "Writes into --out: timeline.csv, summary.json, windows.csv, latency.hlog, loadtest.json, plan.json (as one load test of the whole plan writes them, so 'report --observed', 'validate --observed' and 'compare' read it) and merge.json: each injector's start skew (how late its second 0 began after --start-at), start lag p50/p99/max and requests sent.",
            "",
            "Exit codes: 0 merged; 3 the folders are not one plan's segments (each reason names the file, line and value), or unreadable; 5 a segment was incomplete (the merge is written, marked incomplete); 2 usage.",
            ""},
        footer = {"", "Example (three injectors, one per machine, then the merge):",
            "  headroom loadtest s.yaml --target http://10.0.0.5:8080/score --allow-non-loopback --segment 0/3 --start-at 2026-12-01T14:00:00Z --out results/0",
            "  headroom merge results/0 results/1 results/2 --out merged"})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The segments' output folders, in any order.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the merged run.")
    Path out;

    @Override
    public Integer call() {
        SegmentMerge.Merged merged = SegmentMerge.merge(dirs);
        try {
            MergedOutputs.write(merged, out);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the merged run into " + out + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        MergeReport r = merged.report();
        stdout.printf(Locale.ROOT, "merged %d segments of plan %s… (%d requests), start %s%n", r.segments(),
                r.planSha256().substring(0, 12), merged.plan().planRequests(), r.startAt() == null ? "not shared" : r.startAt());
        stdout.printf(Locale.ROOT, "%n  %-9s %10s %10s %10s %10s %10s %10s  %s%n", "segment", "planned", "sent", "no answer", "skew ms",
                "lag p99 ms", "lag max ms", "folder");
        for (MergeReport.Injector i : r.injectors()) {
            stdout.printf(Locale.ROOT, "  %-9s %10d %10d %10d %10s %10.1f %10.1f  %s%s%n", i.segment(), i.plannedRequests(),
                    i.sentRequests(), i.noResponses(), i.startSkewMs() == null ? "-" : String.format(Locale.ROOT, "%.1f", i.startSkewMs()),
                    i.startLagP99Ms(), i.startLagMaxMs(), i.dir(), i.incomplete() ? "  INCOMPLETE" : "");
        }
        stdout.println();
        new SummaryTable(stdout).print(merged.result().summary());
        LoadTestRun.printGenerator(stdout, merged.result().generator());
        stdout.printf("%nWrote %s (timeline.csv, summary.json, windows.csv, latency.hlog, loadtest.json, plan.json, merge.json)%n", out);
        stdout.flush();
        return merged.result().incomplete() ? ExitCode.INCOMPLETE : ExitCode.OK;
    }
}
