package io.headroom.reports.compare;

import io.headroom.planner.timeline.TimelineRow;
import java.util.List;

/**
 * Second-by-second agreement of a predicted and an observed timeline on when clients got 503, and
 * how their 503 fractions compare. Let P be the seconds with a predicted 503 and O those with an
 * observed 503, over the seconds both timelines cover (rows matched by {@link TimelineRow#second()}):
 * precision = |P∩O| / |P| (how many predicted 503 seconds really happened), recall = |P∩O| / |O|
 * (how many observed 503 seconds were predicted), overlap = |P∩O| / |P∪O| (the Jaccard index).
 * Each is null when its denominator is 0 (nothing to judge). The fractions are 503s / requests over
 * each whole timeline.
 *
 * @param comparedSeconds seconds present in both timelines
 * @param predicted503Seconds |P|
 * @param observed503Seconds |O|
 * @param both503Seconds |P∩O|
 * @param precision |P∩O| / |P|, or null when P is empty
 * @param recall |P∩O| / |O|, or null when O is empty
 * @param overlap |P∩O| / |P∪O|, or null when both are empty
 * @param predicted503Fraction predicted 503s / predicted requests (0 with no requests)
 * @param observed503Fraction observed 503s / observed requests (0 with no requests)
 */
public record Agreement(int comparedSeconds, int predicted503Seconds, int observed503Seconds, int both503Seconds,
        Double precision, Double recall, Double overlap, double predicted503Fraction, double observed503Fraction) {

    /** Compares {@code predicted} with {@code observed}. */
    public static Agreement of(List<TimelineRow> predicted, List<TimelineRow> observed) {
        int last = Math.max(lastSecond(predicted), lastSecond(observed));
        boolean[] hasP = new boolean[last + 1];
        boolean[] hasO = new boolean[last + 1];
        boolean[] p503 = new boolean[last + 1];
        boolean[] o503 = new boolean[last + 1];
        for (TimelineRow r : predicted) {
            hasP[r.second()] = true;
            p503[r.second()] |= r.rejected503() > 0;
        }
        for (TimelineRow r : observed) {
            hasO[r.second()] = true;
            o503[r.second()] |= r.rejected503() > 0;
        }
        int compared = 0;
        int p = 0;
        int o = 0;
        int both = 0;
        for (int s = 0; s <= last; s++) {
            if (!hasP[s] || !hasO[s]) {
                continue;
            }
            compared++;
            p += p503[s] ? 1 : 0;
            o += o503[s] ? 1 : 0;
            both += p503[s] && o503[s] ? 1 : 0;
        }
        int union = p + o - both;
        return new Agreement(compared, p, o, both, ratio(both, p), ratio(both, o), ratio(both, union),
                fraction503(predicted), fraction503(observed));
    }

    private static int lastSecond(List<TimelineRow> rows) {
        int last = -1;
        for (TimelineRow r : rows) {
            last = Math.max(last, r.second());
        }
        return last;
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    private static double fraction503(List<TimelineRow> rows) {
        long rejected = 0;
        long requests = 0;
        for (TimelineRow r : rows) {
            rejected += r.rejected503();
            requests += r.arrivals();
        }
        return requests == 0 ? 0 : rejected / (double) requests;
    }
}
