package io.headroom.loadgen.merge;

import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.loadgen.loadtest.ObservedSummary;
import io.headroom.loadgen.loadtest.PlanIdentity;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.timeline.LatencyWindows;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Windows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The segments of one load test, checked to be one plan, combined into one observed run. Per
 * second: arrivals and outcome counts add; latency p50/p99 are read from the sum of the segments'
 * histograms of that intended second (HdrHistogram {@code add}, exact to the histograms' two
 * significant digits); the replica columns are the lowest-numbered segment's that has them (every
 * injector polls the same target). The summary's latency is read from the sum of every second's
 * histogram. Generator health stays per injector: start skew and start lag p50/p99/max; the merged
 * run's lag is the worst injector's. Latency windows use the plan's own p99 limit (plan.json
 * {@code latencyWindowP99Ms}: policy knative with a p99 objective), as the load test did.
 */
public final class SegmentMerge {
    private SegmentMerge() {
    }

    /** What a merge produced: the run, its per-second histograms, the log's start, and the report of each injector. */
    public record Merged(LoadTestResult result, List<Histogram> perSecondMicros, long logStartEpochMillis, PlanIdentity plan,
            MergeReport report) {
    }

    /** Reads and merges the segment folders {@code dirs}. */
    public static Merged merge(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new InvalidInputException("merge needs at least one segment folder");
        }
        List<SegmentFolder> folders = dirs.stream().map(SegmentFolder::read).toList();
        check(folders);
        List<SegmentFolder> byIndex = folders.stream().sorted(Comparator.comparingInt(f -> f.plan().segmentIndex())).toList();
        SegmentFolder first = byIndex.get(0);
        PlanIdentity p = first.plan();
        int seconds = byIndex.stream().mapToInt(f -> f.timeline().size()).max().orElse(0);
        List<TimelineRow> rows = new ArrayList<>();
        List<Histogram> perSecond = new SummedSeconds(byIndex, seconds);
        Histogram total = new Histogram(2);
        for (int s = 0; s < seconds; s++) {
            long arrivals = 0;
            long ok = 0;
            long r503 = 0;
            long t504 = 0;
            long e502 = 0;
            ReplicaSample replicas = null;
            Histogram h = perSecond.get(s);
            for (SegmentFolder f : byIndex) {
                if (s < f.timeline().size()) {
                    TimelineRow r = f.timeline().get(s);
                    arrivals += r.arrivals();
                    ok += r.ok();
                    r503 += r.rejected503();
                    t504 += r.timeout504();
                    e502 += r.error502();
                    replicas = replicas != null ? replicas : r.replicas();
                }
            }
            if (h != null) {
                total.add(h);
            }
            double p50 = h == null ? Double.NaN : h.getValueAtPercentile(50) / 1000.0;
            double p99 = h == null ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
            rows.add(new TimelineRow(s, arrivals, ok, r503, t504, e502, p50, p99, replicas));
        }
        boolean incomplete = byIndex.stream().anyMatch(f -> f.summary().incomplete()) || seconds < p.seconds();
        Slo slo;
        try {
            slo = Slos.of(first.summary().slo());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage() + " (" + first.dir().resolve("summary.json") + ")", e);
        }
        Summary summary = ObservedSummary.of(p.scenario(), p.seed(), seconds, rows, total,
                (fraction, latency) -> Slos.judge(slo, fraction, latency),
                timeline -> LatencyWindows.find(timeline, Optional.ofNullable(p.latencyWindowP99Ms())
                        .map(ms -> Duration.ofNanos(Math.round(ms * 1e6))), Windows.DEFAULT_MERGE_GAP_SECONDS),
                p.costPerReplicaHour(), incomplete);
        MergeReport report = MergeReport.of(byIndex);
        GeneratorReport generator = generator(byIndex, report);
        PlanIdentity merged = new PlanIdentity(p.scenario(), p.scenarioSha256(), p.seed(), p.planSha256(), p.planRequests(), p.seconds(),
                0, 1, p.planRequests(), report.startAt(), byIndex.stream().mapToLong(f -> f.plan().startEpochMillis()).min().orElse(0),
                p.costPerReplicaHour(), p.latencyWindowP99Ms());
        return new Merged(new LoadTestResult(summary, rows, generator), perSecond, first.latency().startEpochMillis(), merged, report);
    }

    /**
     * The merged histogram of each second, summed from the segments' compressed intervals when asked
     * for (once for the timeline, once more for the log), so no second's histograms are kept.
     */
    private static final class SummedSeconds extends java.util.AbstractList<Histogram> {
        private final List<SegmentFolder> folders;
        private final int seconds;

        SummedSeconds(List<SegmentFolder> folders, int seconds) {
            this.folders = folders;
            this.seconds = seconds;
        }

        @Override
        public Histogram get(int s) {
            Histogram sum = null;
            for (SegmentFolder f : folders) {
                Histogram h = f.latency().second(s);
                if (h != null) {
                    if (sum == null) {
                        sum = new Histogram(2);
                    }
                    sum.add(h);
                }
            }
            return sum;
        }

        @Override
        public int size() {
            return seconds;
        }
    }

    /** One plan: same digest, scenario file, seed and N; every segment 0..N-1 exactly once; the same latency log start. */
    private static void check(List<SegmentFolder> folders) {
        SegmentFolder first = folders.get(0);
        PlanIdentity a = first.plan();
        for (SegmentFolder f : folders.subList(1, folders.size())) {
            PlanIdentity b = f.plan();
            if (!Objects.equals(a.scenarioSha256(), b.scenarioSha256()) && a.scenarioSha256() != null && b.scenarioSha256() != null) {
                throw f.planFields().error("scenarioSha256", "every segment must have run the same scenario file as " + first.dir()
                        + " (scenarioSha256 " + a.scenarioSha256().substring(0, 12) + "…)");
            }
            if (a.seed() != b.seed()) {
                throw f.planFields().error("seed", "every segment must have run with the same seed as " + first.dir() + " (" + a.seed()
                        + ")");
            }
            if (a.segmentCount() != b.segmentCount()) {
                throw f.planFields().error("segmentCount", "every segment must split the plan into the same N as " + first.dir()
                        + " (" + a.segmentCount() + ")");
            }
            if (!a.planSha256().equals(b.planSha256())) {
                throw f.planFields().error("planSha256", "every segment must be cut from the same arrival plan as " + first.dir()
                        + " (planSha256 " + a.planSha256().substring(0, 12) + "…; another scenario, trace or --seed)");
            }
        }
        TreeMap<Integer, SegmentFolder> seen = new TreeMap<>();
        for (SegmentFolder f : folders) {
            SegmentFolder before = seen.putIfAbsent(f.plan().segmentIndex(), f);
            if (before != null) {
                throw f.planFields().error("segmentIndex", "each segment must be given once, but " + before.dir() + " and " + f.dir()
                        + " are both segment " + f.segment());
            }
        }
        int n = a.segmentCount();
        if (seen.size() != n) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < n && missing.size() < 10; i++) {
                if (!seen.containsKey(i)) {
                    missing.add(i + "/" + n);
                }
            }
            throw new InvalidInputException("a merge needs all " + n + " segments of the plan but " + (n - seen.size())
                    + " are missing: " + String.join(", ", missing) + (n - seen.size() > missing.size() ? ", …" : "")
                    + " (given: " + seen.keySet().stream().map(i -> i + "/" + n).limit(10).collect(Collectors.joining(", "))
                    + (seen.size() > 10 ? ", …" : "") + ")");
        }
        for (SegmentFolder f : folders) {
            if (f.latency().startEpochMillis() != first.latency().startEpochMillis()) {
                throw new InvalidInputException("every segment's latency.hlog must count from the same StartTime (the shared"
                        + " --start-at) as " + first.dir() + " (" + first.latency().startEpochMillis() + " ms) but was "
                        + f.latency().startEpochMillis() + " ms (" + f.dir().resolve("latency.hlog") + ")");
            }
        }
    }

    private static GeneratorReport generator(List<SegmentFolder> byIndex, MergeReport report) {
        List<GeneratorReport> g = byIndex.stream().map(SegmentFolder::generator).toList();
        List<String> warnings = new ArrayList<>(report.warnings());
        for (SegmentFolder f : byIndex) {
            f.generator().warnings().forEach(w -> warnings.add("segment " + f.segment() + ": " + w));
        }
        String stop = byIndex.stream().filter(f -> f.generator().stopReason() != null)
                .map(f -> "segment " + f.segment() + ": " + f.generator().stopReason()).findFirst().orElse(null);
        Double skew = g.stream().map(GeneratorReport::startSkewMs).filter(Objects::nonNull).max(Double::compare).orElse(null);
        int n = byIndex.size();
        return new GeneratorReport(g.get(0).target(), g.stream().mapToLong(GeneratorReport::plannedRequests).sum(),
                g.stream().mapToLong(GeneratorReport::sentRequests).sum(), g.stream().mapToLong(GeneratorReport::responses).sum(),
                g.stream().mapToLong(GeneratorReport::noResponses).sum(), g.stream().mapToDouble(GeneratorReport::plannedRps).sum(),
                g.stream().mapToDouble(GeneratorReport::achievedRps).sum(),
                g.stream().mapToDouble(GeneratorReport::startLagP50Ms).max().orElse(0),
                g.stream().mapToDouble(GeneratorReport::startLagP99Ms).max().orElse(0),
                g.stream().mapToDouble(GeneratorReport::startLagMaxMs).max().orElse(0), warnings, stop,
                String.format(Locale.ROOT, "0..%d/%d merged", n - 1, n), report.startAt(), skew);
    }
}
