package io.headroom.loadgen.merge;

import io.headroom.loadgen.loadtest.GeneratorReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code merge.json}: the plan the segments shared and the health of each injector, so a merged
 * run says which machine fell behind.
 *
 * @param planSha256 the plan's digest
 * @param segments N
 * @param startAt the shared start, or null when the injectors had none or different ones
 * @param startSkewSpreadMs the latest injector's skew minus the earliest's (ms), null without a shared start
 * @param injectors one entry per segment, in segment order
 * @param warnings reasons to distrust the merged run
 */
public record MergeReport(String planSha256, int segments, String startAt, Double startSkewSpreadMs, List<Injector> injectors,
        List<String> warnings) {
    public MergeReport {
        injectors = List.copyOf(injectors);
        warnings = List.copyOf(warnings);
    }

    /**
     * One injector.
     *
     * @param segment I/N
     * @param dir its folder as given
     * @param plannedRequests requests in its segment
     * @param sentRequests requests it sent
     * @param noResponses requests that got no response
     * @param startSkewMs how late its second 0 began after the shared start; null without one
     * @param startLagP50Ms median of (sent − due)
     * @param startLagP99Ms 99th percentile of (sent − due)
     * @param startLagMaxMs largest (sent − due)
     * @param incomplete its run stopped early
     */
    public record Injector(String segment, String dir, long plannedRequests, long sentRequests, long noResponses, Double startSkewMs,
            double startLagP50Ms, double startLagP99Ms, double startLagMaxMs, boolean incomplete) {
    }

    static MergeReport of(List<SegmentFolder> byIndex) {
        List<Injector> injectors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (SegmentFolder f : byIndex) {
            GeneratorReport g = f.generator();
            injectors.add(new Injector(f.segment().toString(), f.dir().toString(), g.plannedRequests(), g.sentRequests(), g.noResponses(),
                    g.startSkewMs(), g.startLagP50Ms(), g.startLagP99Ms(), g.startLagMaxMs(), f.summary().incomplete()));
        }
        List<String> starts = byIndex.stream().map(f -> f.plan().startAt()).distinct().toList();
        String startAt = starts.size() == 1 ? starts.get(0) : null;
        if (starts.size() > 1 || startAt == null) {
            warnings.add(starts.size() > 1 ? "the segments had different --start-at instants (" + String.join(", ",
                    starts.stream().map(String::valueOf).toList()) + "): they did not run together, so the target saw each"
                    + " segment's load alone" : "the segments had no shared --start-at: unless they were started together, the target"
                    + " saw their loads shifted against each other");
        }
        List<Double> skews = injectors.stream().map(Injector::startSkewMs).filter(Objects::nonNull).toList();
        Double spread = startAt == null || skews.isEmpty() ? null
                : skews.stream().mapToDouble(Double::doubleValue).max().orElse(0) - skews.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        for (Injector i : injectors) {
            if (i.startLagP99Ms() > GeneratorReport.MAX_TRUSTED_START_LAG_P99_MS) {
                warnings.add(String.format(Locale.ROOT, "segment %s fell behind: start lag p99 %.0f ms (trusted up to %.0f ms)",
                        i.segment(), i.startLagP99Ms(), GeneratorReport.MAX_TRUSTED_START_LAG_P99_MS));
            }
        }
        return new MergeReport(byIndex.get(0).plan().planSha256(), byIndex.size(), startAt, spread, injectors, warnings);
    }
}
