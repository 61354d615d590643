package io.headroom.reports;

import io.headroom.planner.timeline.RunEvent;
import java.util.List;

/** The plain list sections: sizing facts, assumptions, events. */
final class NotesSections {
    private NotesSections() {
    }

    /** The caller's sizing facts; says "not computed" when there are none (the section stays, so sections keep their order). */
    static void sizing(StringBuilder out, List<Fact> facts) {
        Page.section(out, "sizing", "Sizing");
        if (facts.isEmpty()) {
            out.append("<p>Sizing not computed for this report.</p>\n");
        } else {
            out.append("<table class=\"sizing\">\n<tbody>\n");
            for (Fact f : facts) {
                out.append("<tr><th scope=\"row\">").append(Html.escape(f.label())).append("</th><td>")
                        .append(Html.escape(f.value())).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        Page.endSection(out);
    }

    static void assumptions(StringBuilder out, List<String> statements) {
        Page.section(out, "assumptions", "Assumptions");
        if (statements.isEmpty()) {
            out.append("<p>None stated.</p>\n");
        } else {
            out.append("<ol class=\"assumptions\">\n");
            for (String s : statements) {
                out.append("<li>").append(Html.escape(s)).append("</li>\n");
            }
            out.append("</ol>\n");
        }
        Page.endSection(out);
    }

    /** What else happened in the predicted run (FailedScheduling, CrashLoopBackOff, ...); omitted when nothing did. */
    static void events(StringBuilder out, List<RunEvent> events, io.headroom.planner.time.Clock clock) {
        if (events.isEmpty()) {
            return;
        }
        Page.section(out, "events", "Events");
        out.append("<table class=\"events\">\n<thead><tr><th class=\"num\">At</th><th>Reason</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (RunEvent e : events) {
            out.append("<tr><td class=\"num\">").append(clock.at(e.second())).append("</td><td>").append(Html.escape(e.reason()))
                    .append("</td><td>").append(Html.escape(e.message())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        Page.endSection(out);
    }
}
