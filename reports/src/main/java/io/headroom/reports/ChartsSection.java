package io.headroom.reports;

import io.headroom.reports.chart.ChartPng;
import java.util.List;

/** The charts as {@code <figure>}s whose images are inline {@code data:} PNGs, so the page needs no other file. */
final class ChartsSection {
    private ChartsSection() {
    }

    static void append(StringBuilder out, List<RenderedChart> charts) {
        Page.section(out, "charts", "Charts");
        for (RenderedChart c : charts) {
            out.append("<figure id=\"chart-").append(Html.escape(c.name())).append("\">\n<img src=\"").append(c.dataUri())
                    .append("\" alt=\"").append(Html.escape(c.alt())).append("\" width=\"").append(ChartPng.WIDTH)
                    .append("\" height=\"").append(ChartPng.HEIGHT).append("\">\n<figcaption>").append(Html.escape(c.caption()))
                    .append("</figcaption>\n</figure>\n");
        }
        Page.endSection(out);
    }
}
