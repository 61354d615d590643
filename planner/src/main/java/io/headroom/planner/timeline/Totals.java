package io.headroom.planner.timeline;

import java.util.List;

/** Outcome counts summed over a timeline, predicted or observed. */
public record Totals(long requests, long ok, long rejected503, long timeout504, long error502) {
    public static Totals of(List<TimelineRow> rows) {
        long requests = 0;
        long ok = 0;
        long r503 = 0;
        long t504 = 0;
        long e502 = 0;
        for (TimelineRow r : rows) {
            requests += r.arrivals();
            ok += r.ok();
            r503 += r.rejected503();
            t504 += r.timeout504();
            e502 += r.error502();
        }
        return new Totals(requests, ok, r503, t504, e502);
    }

    public double rejected503Fraction() {
        return fraction(rejected503);
    }

    public double timeout504Fraction() {
        return fraction(timeout504);
    }

    public double error502Fraction() {
        return fraction(error502);
    }

    private double fraction(long part) {
        return requests == 0 ? 0 : part / (double) requests;
    }
}
