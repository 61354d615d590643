package io.headroom.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * One colour per series, the same in every chart, from the Okabe–Ito palette (Okabe and Ito,
 * "Color Universal Design", 2008), which stays distinguishable with the common colour-vision
 * deficiencies. Eight colours for twelve series: a colour repeats only between series that never
 * share a chart (ready/capacity and ok; starting and 504; pending and 502; desired and p99).
 * Observed series use the colour of their predicted twin with a {@link #OBSERVED dashed} stroke.
 */
public enum Palette {
    ARRIVALS("offered (arrivals/s)", 0x0072B2),
    CAPACITY("ready capacity (req/s)", 0x009E73),
    READY("ready", 0x009E73),
    STARTING("starting", 0xE69F00),
    DESIRED("desired", 0x000000),
    PENDING("pending (no node)", 0xCC79A7),
    LATENCY_P50("p50", 0x56B4E9),
    LATENCY_P99("p99", 0x000000),
    OK("ok", 0x009E73),
    REJECTED_503("503", 0xD55E00),
    TIMEOUT_504("504", 0xE69F00),
    ERROR_502("502", 0xCC79A7);

    /** Predicted series: solid. */
    public static final Stroke PREDICTED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    /** Observed series: dashed, same colour as the predicted one. */
    public static final Stroke OBSERVED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private final String label;
    private final Color color;

    Palette(String label, int rgb) {
        this.label = label;
        this.color = new Color(rgb);
    }

    /** The legend label of the predicted series. */
    public String label() {
        return label;
    }

    public Color color() {
        return color;
    }

    /** The colour with {@code alpha} (0..255), for shaded areas. */
    public Color translucent(int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }
}
