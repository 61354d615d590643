package io.headroom.reports;

import io.headroom.planner.timeline.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The capacity review as one self-contained HTML file. Sections, top to bottom: verdict, inputs,
 * sizing, charts, predicted vs observed (with an observed run), 503 windows, what to change (with a
 * recommendation), assumptions, events
 * (when any). Deterministic: the same input gives the same bytes.
 */
public final class CapacityReport {
    /** The report's file name in the output directory. */
    public static final String FILE = "report.html";
    /** The directory, under the output directory, that holds a PNG of each chart. */
    public static final String CHARTS_DIR = "charts";

    static {
        // Charts draw off screen: never open a display (set before AWT initializes; an explicit setting wins).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private CapacityReport() {
    }

    /** The report as an HTML string. */
    public static String html(ReportInput in) {
        return page(in, ReportCharts.render(in));
    }

    /**
     * Writes {@code outDir/report.html} and {@code outDir/charts/<name>.png} (creating directories), and returns
     * the path of the HTML file.
     */
    public static Path write(ReportInput in, Path outDir) {
        List<RenderedChart> charts = ReportCharts.render(in);
        try {
            Path chartDir = Files.createDirectories(outDir.resolve(CHARTS_DIR));
            for (RenderedChart c : charts) {
                Files.write(chartDir.resolve(c.name() + ".png"), c.png());
            }
            Path report = outDir.resolve(FILE);
            Files.writeString(report, page(in, charts), StandardCharsets.UTF_8);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + outDir, e);
        }
    }

    /** The engine that predicted a run, in words: the discrete-event one unless the summary says fast. */
    static String engineName(String engine) {
        return "fast".equals(engine) ? "fast engine: time-stepped fluid model" : "discrete-event engine";
    }

    private static String page(ReportInput in, List<RenderedChart> charts) {
        Summary p = in.predicted().summary();
        StringBuilder out = new StringBuilder(512 * 1024);
        Page.open(out, "Capacity review: " + in.scenario().name());
        out.append("<header>\n<h1>Capacity review: ").append(Html.escape(in.scenario().name())).append("</h1>\n")
                .append("<p class=\"sub\">Predicted by simulation (").append(engineName(p.engine())).append(", seed ").append(p.seed()).append(") over ")
                .append(Format.clock(p.durationSeconds())).append(" of traffic")
                .append(in.observed().isPresent() ? ", compared with an observed load test" : "")
                .append(in.clock().startText().map(t -> ", starting " + t).orElse(""))
                .append(". Times are ").append(in.clock().notationUpTo(p.durationSeconds()))
                .append(".</p>\n</header>\n");
        HeadlineSection.append(out, in);
        VerdictSection.append(out, in);
        InputsSection.append(out, in.scenario());
        NotesSections.sizing(out, in.sizing());
        ChartsSection.append(out, charts);
        ComparisonSection.append(out, in);
        WindowsSection.append(out, in);
        WindowsSection.appendLatency(out, in);
        ChangesSection.append(out, in);
        NotesSections.assumptions(out, in.assumptions());
        NotesSections.events(out, p.events(), in.clock());
        Page.close(out);
        return out.toString();
    }
}
