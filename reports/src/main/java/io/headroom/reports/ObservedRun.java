package io.headroom.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.reports.compare.Comparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A load test's result: its summary and per-second timeline (read from summary.json and timeline.csv),
 * why it stopped early when it did (from loadtest.json), and, when {@code validate} wrote the report,
 * its comparison with the prediction (the verdict against the thresholds, each window's onset and end
 * error).
 *
 * @param stopReason why the load test stopped before the end of its traffic, or null when it did not (or is not known)
 */
public record ObservedRun(Summary summary, List<TimelineRow> timeline, Optional<Comparison> comparison, String stopReason) {
    public ObservedRun {
        Objects.requireNonNull(summary, "summary");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(comparison, "comparison");
    }

    /** An observed run without a comparison (a plain load test's output). */
    public ObservedRun(Summary summary, List<TimelineRow> timeline) {
        this(summary, timeline, Optional.empty(), null);
    }

    /** The same run with the comparison {@code validate} computed. */
    public ObservedRun withComparison(Comparison c) {
        return new ObservedRun(summary, timeline, Optional.of(c), stopReason);
    }

    /** The same run with the reason it stopped early (null when it did not). */
    public ObservedRun withStopReason(String reason) {
        return new ObservedRun(summary, timeline, comparison, reason);
    }

    /**
     * Reads the observed run in {@code given}: a {@code loadtest} output, or a {@code validate} one
     * (its {@code observed/} folder), validated like a scenario: every problem is one
     * {@link InvalidInputException} naming {@code file:line:column}, the rule and the value.
     */
    public static ObservedRun read(Path given) {
        Path dir = Files.isRegularFile(given.resolve("observed").resolve("summary.json")) ? given.resolve("observed") : given;
        Path timeline = dir.resolve("timeline.csv");
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(timeline) || !Files.isRegularFile(summary)) {
            throw new InvalidInputException("--observed must be the directory loadtest or validate wrote, or one with"
                    + " timeline.csv and summary.json, but was " + Excerpt.quoted(given.toString()));
        }
        Summary s = SummaryJson.readObserved(summary);
        List<TimelineRow> rows = TimelineCsv.read(timeline);
        return new ObservedRun(s, rows).withStopReason(s.incomplete() ? stopReason(dir.resolve("loadtest.json")) : null);
    }

    /** The generator's stop reason from {@code loadtest.json}, or null when the file or the reason is absent. */
    private static String stopReason(Path loadtestJson) {
        if (!Files.isRegularFile(loadtestJson)) {
            return null;
        }
        try {
            JsonNode reason = SummaryJson.MAPPER.readTree(TextFile.read(loadtestJson, 16L * 1024 * 1024)).path("stopReason");
            return reason.isTextual() ? reason.asText() : null;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new InvalidInputException("a loadtest.json must be valid JSON but was not: "
                    + Excerpt.of(e.getOriginalMessage()) + " (" + loadtestJson + where + ")", e);
        }
    }
}
