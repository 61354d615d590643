package io.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.recommend.Alternative;
import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.Cost;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.sim.SeedBands;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.timeline.Summary;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The sentence a review quotes, and the "now" row's note: every number in them is one the report shows elsewhere. */
class HeadlineTest {
    private static String monthly(double costOfRun, int seconds) {
        return String.format(Locale.ROOT, "%,.2f", costOfRun * Cost.HOURS_PER_MONTH * 3600 / seconds);
    }

    @Test
    void withoutARecommendationItJudgesTheCurrentSettingsAndScalesTheRunsCostToAMonth() {
        Scenario sc = ReportScenarios.launchSpike("s");
        SimulationResult run = ReportScenarios.launchSpikeRun();
        Summary s = run.summary();
        String headline = HeadlineSection.text(ReportInput.of(sc, run));
        assertTrue(headline.startsWith("As set (minReplicas 2, maxReplicas 60, targetUtilization 0.7), the SLOs are missed (503 fraction "
                + Format.percent(s.rejected503Fraction())), headline);
        assertTrue(headline.contains("peaks at " + s.peakReadyReplicas() + " ready replicas (no node pools given)"), headline);
        assertTrue(headline.contains("costs about " + monthly(s.cost(), s.durationSeconds()) + " per month (this run's "
                + String.format(Locale.ROOT, "%,.2f", s.cost()) + " over 20m"), headline);
        assertTrue(headline.endsWith("Run report --recommend for the cheapest settings that meet them."), headline);
        Document doc = Jsoup.parse(CapacityReport.html(ReportInput.of(sc, run)));
        assertEquals(headline, doc.getElementById("headline").text());
    }

    /** With bands the headline's spread is the bands' own (the same seeds), and the first run lies inside each band. */
    @Test
    void bandsOverSeedsGiveTheSpreadAndContainTheFirstRun() {
        Scenario sc = ReportScenarios.launchSpike("s");
        SimulationResult run = ReportScenarios.launchSpikeRun();
        SeedBands bands = SeedBands.run(sc, run, 5, io.headroom.planner.sim.SimulationEngine.DES, Progress.NONE);
        var p503 = bands.spread().spread().get("rejected503Fraction");
        assertTrue(p503.p5() <= run.summary().rejected503Fraction() && run.summary().rejected503Fraction() <= p503.p95(),
                "with 5 runs p5 and p95 are the minimum and maximum, so the first run lies between them");
        for (var row : run.timeline()) {
            double ready = row.replicas().ready();
            assertTrue(bands.readyReplicas().p5()[row.second()] <= ready && ready <= bands.readyReplicas().p95()[row.second()],
                    "second " + row.second());
        }
        String headline = HeadlineSection.text(ReportInput.of(sc, run).withBands(bands));
        assertTrue(headline.contains("over 5 seeds the 503 fraction spans " + Format.percent(p503.p5()) + "–"
                + Format.percent(p503.p95()) + " (p5–p95)"), headline);
        Document doc = Jsoup.parse(CapacityReport.html(ReportInput.of(sc, run).withBands(bands)));
        assertTrue(doc.select("img").stream().anyMatch(i -> i.attr("alt").contains("Step chart of ready")), "charts still drawn");
    }

    /** With one run per configuration the "now" row is the verdict's run itself, as the note says: the same 503 fraction. */
    @Test
    void theNowRowsNoteNamesTheVerdictsRunAndItsNumbersAgree() {
        Scenario sc = ReportScenarios.launchSpike("s");
        SimulationResult run = ReportScenarios.launchSpikeRun();
        Recommendation r = Recommender.recommend(sc, 1, Progress.NONE);
        assertEquals(run.summary().rejected503Fraction(), r.current().evaluation().rejected503Fraction(), 1e-12,
                "the first seeded run of the current settings is the verdict's run");
        ReportInput in = ReportInput.of(sc, run).withRecommendation(r);
        String note = ChangesSection.baselineNote(r, in);
        assertTrue(note.startsWith("The \"now\" row is the mean of 1 seeded run of the current settings"), note);
        assertTrue(note.contains("seed 42") && note.contains(Format.percent(run.summary().rejected503Fraction())), note);
        Alternative best = r.best().orElseThrow();
        String headline = HeadlineSection.text(in);
        assertTrue(headline.startsWith("Set " + best.config().policyText() + ": it meets the SLOs in all 1 seeded runs"), headline);
        assertTrue(headline.contains("costs about " + monthly(best.evaluation().cost(), run.summary().durationSeconds())), headline);
    }
}
