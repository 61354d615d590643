package io.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.timeline.Window;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityReportTest {
    private static final String DATA_PNG = "data:image/png;base64,";

    private static ReportInput launch(String name) {
        Scenario sc = ReportScenarios.launchSpike(name);
        return ReportInput.of(sc, ReportScenarios.launchSpikeRun());
    }

    private static Document parse(ReportInput in) {
        return Jsoup.parse(CapacityReport.html(in));
    }

    private static List<String> sectionIds(Document doc) {
        return doc.select("body > section").stream().map(Element::id).collect(Collectors.toList());
    }

    @Test
    void sectionsComeInOrderWithTheVerdictFirst() {
        assertEquals(List.of("verdict", "inputs", "sizing", "charts", "windows", "assumptions"), sectionIds(parse(launch("s"))));
    }

    @Test
    void anObservedRunAddsTheComparisonPanelAfterTheCharts() {
        ReportInput in = launch("s").withObserved(ReportScenarios.observedFrom(ReportScenarios.launchSpikeRun(), 3));
        Document doc = parse(in);
        assertEquals(List.of("verdict", "inputs", "sizing", "charts", "comparison", "windows", "assumptions"), sectionIds(doc));
        String panel = doc.getElementById("comparison").text();
        assertTrue(panel.contains("Precision") && panel.contains("Recall") && panel.contains("Overlap"), panel);
        assertEquals(4, doc.select("#verdict table.headline thead th").size(), "measure, predicted, observed, objective");
        List<Element> verdicts = doc.select("#verdict p.verdict");
        assertEquals(2, verdicts.size());
        assertTrue(verdicts.get(1).text().startsWith("✗ Observed: SLOs missed — 503 fraction"), verdicts.get(1).text());
    }

    @Test
    void verdictStatesMissedSlosWithTextMarksNotColourAlone() {
        Document doc = parse(launch("s"));
        Element verdict = doc.selectFirst("#verdict p.verdict");
        assertTrue(verdict.text().startsWith("✗ Predicted: SLOs missed"), verdict.text());
        Element row503 = doc.getElementById("headline-503");
        assertTrue(row503.text().contains("✗ missed"), row503.text());
        assertTrue(doc.getElementById("headline-p99").text().matches(".*(✓ met|✗ missed).*"));
    }

    @Test
    void headlineNumbersMatchTheSummary() {
        SimulationResult run = ReportScenarios.launchSpikeRun();
        Document doc = parse(launch("s"));
        assertTrue(doc.getElementById("headline-503").text().contains(Format.percent(run.summary().rejected503Fraction())));
        assertTrue(doc.getElementById("headline-p99").text().contains(Format.millis(run.summary().latencyMs().p99())));
        assertTrue(doc.getElementById("headline-peak").text().contains(String.valueOf(run.summary().peakReadyReplicas())));
        assertTrue(doc.getElementById("headline-replica-hours").text().contains(Format.fixed(run.summary().replicaHours(), 2)));
        assertTrue(doc.getElementById("headline-cost").text().contains(Format.fixed(run.summary().cost(), 2)));
        for (String id : List.of("504", "502", "requests", "windows")) {
            assertNotNull(doc.getElementById("headline-" + id), id);
        }
    }

    @Test
    void windowsTableHasOneRowPerWindow() {
        Document doc = parse(launch("s"));
        int windows = ReportScenarios.launchSpikeRun().summary().windows().size();
        assertTrue(windows > 0);
        assertEquals(windows, doc.select("#windows table.windows tbody tr").size());
    }

    @Test
    void callerRecommendationReplacesTheDefaultForItsWindow() {
        Window first = ReportScenarios.launchSpikeRun().summary().windows().get(0);
        Document doc = parse(launch("s").withRecommendations(Map.of(first, "pre-scale <before> launch")));
        Element row = doc.selectFirst("#windows table.windows tbody tr");
        assertEquals("pre-scale <before> launch", row.child(7).text());
    }

    @Test
    void emptySizingSaysNotComputedAndFactsBecomeRows() {
        assertTrue(parse(launch("s")).getElementById("sizing").text().contains("not computed"));
        Document doc = parse(launch("s").withSizing(List.of(new Fact("replicas", "115"), new Fact("nodes", "4"))));
        assertEquals(2, doc.select("#sizing table.sizing tr").size());
    }

    @Test
    void scenarioNameWithMarkupRendersAsTextAndNoScriptElementExists() {
        String name = "<script>alert(1)</script>";
        Document doc = parse(launch(name));
        assertTrue(doc.select("script").isEmpty(), "no <script> element anywhere");
        assertEquals("Capacity review: " + name, doc.selectFirst("h1").text());
        assertTrue(doc.title().contains(name));
        assertTrue(doc.getElementById("inputs").text().contains(name));
    }

    @Test
    void pageReferencesNoNetworkResource() {
        Document doc = parse(launch("s"));
        for (Element e : doc.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertFalse(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("//"), url);
        }
        String html = CapacityReport.html(launch("s"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL anywhere in the page");
        assertTrue(doc.select("link, iframe, object, embed").isEmpty());
    }

    @Test
    void everyImageIsAnInlinePngDrawnAtTwiceItsWidthWithAltText() throws IOException {
        Document doc = parse(launch("s"));
        List<Element> images = doc.select("img");
        assertEquals(4, images.size());
        for (Element img : images) {
            String src = img.attr("src");
            assertTrue(src.startsWith(DATA_PNG), src.substring(0, Math.min(40, src.length())));
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(DATA_PNG.length()))));
            assertNotNull(png, "decodes as PNG");
            assertTrue(png.getWidth() >= 1000, "width " + png.getWidth());
            assertEquals(2 * Integer.parseInt(img.attr("width")), png.getWidth());
            assertTrue(img.attr("alt").length() > 30, img.attr("alt"));
        }
    }

    @Test
    void sameInputGivesIdenticalBytes(@TempDir Path a, @TempDir Path b) throws IOException {
        ReportInput in = launch("s").withObserved(ReportScenarios.observedFrom(ReportScenarios.launchSpikeRun(), 3));
        assertEquals(CapacityReport.html(in), CapacityReport.html(in));
        CapacityReport.write(in, a);
        CapacityReport.write(in, b);
        assertArrayEquals(Files.readAllBytes(a.resolve("report.html")), Files.readAllBytes(b.resolve("report.html")));
        for (String chart : List.of("traffic-capacity", "replicas", "latency", "outcomes")) {
            assertArrayEquals(Files.readAllBytes(a.resolve("charts/" + chart + ".png")),
                    Files.readAllBytes(b.resolve("charts/" + chart + ".png")), chart);
        }
    }

    @Test
    void writePutsAPngOfEachChartBesideTheHtml(@TempDir Path out) throws IOException {
        Path report = CapacityReport.write(launch("s"), out.resolve("nested"));
        assertEquals(out.resolve("nested/report.html"), report);
        List<Path> pngs;
        try (var files = Files.list(out.resolve("nested/charts"))) {
            pngs = files.sorted().collect(Collectors.toList());
        }
        assertEquals(4, pngs.size());
        for (Path p : pngs) {
            assertNotNull(ImageIO.read(p.toFile()), p.toString());
        }
    }

    @Test
    void dayLongRunRendersQuicklyAndSaysItIsDownsampled() {
        Scenario sc = ReportScenarios.launchSpike("day");
        SimulationResult day = ReportScenarios.synthetic(sc, 86_400);
        long start = System.nanoTime();
        String html = CapacityReport.html(ReportInput.of(sc, day));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 20_000, "took " + millis + " ms");
        assertEquals(day.summary().windows().size(), Jsoup.parse(html).select("table.windows tbody tr").size());
        for (Element caption : Jsoup.parse(html).select("figcaption")) {
            assertTrue(caption.text().contains("each point is the maximum over 44 s"), caption.text());
        }
    }
}
