package io.headroom.reports;

import java.util.Base64;

/**
 * One chart drawn as a PNG, with the words that go with it.
 *
 * @param name file stem under {@code charts/} and the figure's id suffix
 * @param alt the image's text alternative: what the chart shows and its key numbers
 * @param caption the figure caption
 * @param png the PNG bytes
 */
record RenderedChart(String name, String alt, String caption, byte[] png) {
    RenderedChart {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
