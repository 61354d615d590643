package io.headroom.reports;

/**
 * The page around the sections: head, inline style, and a Content-Security-Policy that forbids any
 * network fetch and any script (images may only be {@code data:} URIs), so the file opens offline and
 * works with JavaScript off.
 */
final class Page {
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
              color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1040px; padding: 16px 24px 48px; line-height: 1.45; }
            h1 { font-size: 1.6rem; margin: 0.4em 0 0.1em; }
            h2 { font-size: 1.25rem; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 2em; }
            h3 { font-size: 1.05rem; margin: 1.4em 0 0.4em; }
            .sub { color: #555; margin: 0 0 1em; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.95rem; }
            th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; vertical-align: top; }
            thead th { background: #f2f2f2; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            div.inputs { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 4px 18px; align-items: start; }
            div.inputs table { width: 100%; margin: 0.3em 0; font-size: 0.9rem; }
            div.inputs th { width: 45%; font-weight: 500; background: #fafafa; }
            caption { text-align: left; font-weight: 700; padding: 2px 0; }
            .headline { font-size: 1.2rem; font-weight: 600; padding: 12px 14px; border-left: 6px solid #0072B2; background: #eef5fb; }
            .verdict { font-size: 1.15rem; font-weight: 600; padding: 10px 14px; border-radius: 4px; border: 2px solid; }
            .verdict.met { color: #00563b; background: #e8f6f0; border-color: #009E73; }
            .verdict.missed { color: #8a2f00; background: #fdeee6; border-color: #D55E00; }
            .verdict.none { color: #333; background: #f4f4f4; border-color: #999; }
            .mark { font-weight: 700; white-space: nowrap; }
            .mark.met { color: #00704d; }
            .mark.missed { color: #a63a00; }
            .warn { color: #8a2f00; font-weight: 600; }
            figure { margin: 1.2em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e0e0e0; }
            figcaption { color: #444; font-size: 0.9rem; margin-top: 4px; }
            ol.assumptions li, ul.facts li { margin: 0.2em 0; }
            footer { color: #666; font-size: 0.85rem; margin-top: 3em; }
            """;

    private Page() {
    }

    static void open(StringBuilder out, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    static void close(StringBuilder out) {
        out.append("<footer>Written by headroom. Predictions come from a seeded discrete-event simulation; "
                + "see Assumptions.</footer>\n</body>\n</html>\n");
    }

    /** Starts a {@code <section>} with an id and a heading. */
    static void section(StringBuilder out, String id, String heading) {
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n");
    }

    static void endSection(StringBuilder out) {
        out.append("</section>\n");
    }

    /** A mark that does not rely on colour: ✓ met / ✗ missed, coloured as well. */
    static String mark(boolean met) {
        return met ? "<span class=\"mark met\">✓ met</span>" : "<span class=\"mark missed\">✗ missed</span>";
    }
}
