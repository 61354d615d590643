package io.headroom.planner.sim;

import io.headroom.planner.timeline.Windows;

/**
 * Lays the fast engine's 503s out in time as the bursts a real run shows. The fluid engine knows
 * how many requests each second rejects on average; rounded second by second (carried rounding)
 * that is an even trickle — one 503 every 2 to 5 s at half a 503 per second — which
 * {@link Windows#find} merges into one long window, where a real queue rejects in bursts
 * (0 0 0 7 4 0 0 ...): a real run at that rate is inside a window a fifth of the time, and its
 * windows begin later, when the bursts come often enough to merge.
 *
 * <p>The renderer moves whole 503s between seconds, never creates or drops one. The fluid 503s,
 * already rounded per second ({@code base}), are owed. A second that has 503s holds B of them on
 * average ({@link RejectionEpisodes.Shape#perSecond}), so the share of seconds with 503s is q = r/B
 * at a fluid rate r. Runs of L' = {@link #runSeconds} seconds at the mean spacing have quiet gaps of
 * L'(1 − q)/q ({@link #meanGap}), with q the share over the gap so far: a run starts when the quiet
 * seconds since the last one reach it (rounded), so at q = 1 there is no gap and a rising rate
 * shortens the gap at once. The first run of a stretch (seconds with fluid 503s no more than the
 * windows' merge gap apart) also starts as soon as the runs merge (a mean gap within the merge
 * gap): from there most real runs are inside a window. Each second of a run pays its own 503s and an
 * even share of those owed from before it, at most what the second can hold (its served and
 * rejected requests: the row's ok count takes the difference, so arrivals stay). Owed 503s that
 * never make a run are paid when the stretch ends, in its last paid second and backwards, else in
 * its last second with fluid 503s, so a stretch whose fluid 503s add up to a request still shows
 * one.
 *
 * <p>Runs come at their mean spacing, not at random times: the timeline is the typical run, whose
 * windows begin where most real runs are inside one, not one random run. Below that rate the runs
 * are separate short windows (a real run is inside a window more often there: its bursts now and
 * then fall close together); above it they merge. Deterministic; stateless.
 */
final class BurstRenderer {
    private BurstRenderer() {
    }

    /**
     * The 503s per second after rendering: {@code base[s]} the carried-rounding counts, {@code room[s]}
     * the most second s can hold ({@code >= base[s]}), {@code shapes[s]} the episode shape there
     * (read only where {@code base[s] > 0}; the last one read holds until the next). The result has the
     * same total as {@code base}.
     */
    static long[] render(long[] base, long[] room, RejectionEpisodes.Shape[] shapes, int mergeGapSeconds) {
        int n = base.length;
        long[] out = new long[n];
        long owed = 0;
        double credit = 0;
        int quiet = 0;
        int left = 0;
        int stretchStart = -1;
        int lastInflow = -1;
        int lastPaid = -1;
        RejectionEpisodes.Shape shape = null;
        for (int s = 0; s < n; s++) {
            double due = 0;
            if (base[s] > 0) {
                shape = shapes[s];
                if (stretchStart < 0) {
                    stretchStart = s;
                    credit = 0;
                    quiet = 0;
                }
                owed += base[s];
                lastInflow = s;
                due = Math.min(1, base[s] / shape.perSecond());
            }
            if (left == 0 && stretchStart >= 0) {
                credit += due;
                int seconds = runSeconds(shape, mergeGapSeconds);
                double gap = meanGap(credit, quiet, seconds);
                // a run starts when the quiet seconds since the last are the mean gap; a stretch's first also as soon as
                // the runs merge (most real runs are inside a window from there)
                boolean starts = quiet + 0.5 >= gap || lastPaid < stretchStart && gap <= mergeGapSeconds;
                if (owed > 0 && starts) {
                    left = seconds;
                    credit = 0;
                    quiet = 0;
                } else {
                    quiet++;
                }
            }
            if (left > 0) {
                // this second's own 503s, and an even share of those owed from before it
                long before = owed - base[s];
                long k = Math.min(room[s] - out[s], base[s] + (before + left - 1) / left);
                if (k > 0) {
                    out[s] += k;
                    owed -= k;
                    lastPaid = s;
                }
                left--;
            }
            if (stretchStart >= 0 && (left == 0 && s - lastInflow > mergeGapSeconds || s == n - 1)) {
                if (lastPaid >= stretchStart) {
                    owed = payBack(out, room, owed, lastPaid, stretchStart);
                    stretchStart = lastPaid + 1;
                }
                owed = payBack(out, room, owed, lastInflow, stretchStart);
                stretchStart = -1;
            }
        }
        if (owed != 0) {
            throw new IllegalStateException("burst rendering left " + owed + " 503s unpaid");
        }
        return out;
    }

    /**
     * The quiet seconds between runs of {@code runSeconds} at the mean spacing, L'(1 − q)/q, at the share q of seconds
     * with 503s over the {@code quiet} seconds since the last run and this one, in which {@code credit} 503-seconds fell
     * due (infinite at q = 0).
     */
    static double meanGap(double credit, int quiet, int runSeconds) {
        double q = credit / (quiet + 1);
        return q <= 0 ? Double.POSITIVE_INFINITY : runSeconds * (1 - q) / q;
    }

    /**
     * The seconds of one rendered run: long enough that runs at the mean spacing merge (quiet gaps
     * of at most {@code mergeGapSeconds}) exactly where most real runs are inside a window.
     * With runs of L seconds in a row (geometric) and 503-seconds a share q of the time, the gaps are
     * geometric with mean L(1 − q)/q and a second is inside a window with probability
     * S(q) = (L + E[g; g ≤ gap]) / (L + L(1 − q)/q) (a run, or a gap short enough to merge);
     * S(q½) = ½ at q½, and runs of L' seconds at the mean spacing merge at q½ when
     * L'(1 − q½)/q½ = gap. (Checked against the discrete-event engine's 32-slot deployments:
     * S predicts 0.18, 0.31, 0.51 where DES shows 0.18, 0.31, 0.49.)
     */
    static int runSeconds(RejectionEpisodes.Shape shape, int mergeGapSeconds) {
        double half = majorityShare(shape.seconds(), mergeGapSeconds);
        return (int) Math.max(1, Math.round(mergeGapSeconds * half / (1 - half)));
    }

    /** q½: the share of seconds with 503s at which a second is inside a window in half the runs. */
    static double majorityShare(double runSeconds, int mergeGapSeconds) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < 50; i++) {
            double q = (low + high) / 2;
            if (insideShare(q, runSeconds, mergeGapSeconds) < 0.5) {
                low = q;
            } else {
                high = q;
            }
        }
        return (low + high) / 2;
    }

    /** S(q): the share of seconds inside a window when runs of mean L and geometric gaps of mean L(1 − q)/q alternate. */
    static double insideShare(double q, double runSeconds, int mergeGapSeconds) {
        double meanGap = Math.max(1, runSeconds * (1 - q) / q);
        double h = 1 / meanGap;
        double merged = 0;
        for (int g = 1; g <= mergeGapSeconds; g++) {
            merged += g * h * Math.pow(1 - h, g - 1);
        }
        return (runSeconds + merged) / (runSeconds + meanGap);
    }

    /** Pays {@code owed} into seconds {@code at}, {@code at − 1}, ... down to {@code from}, as their room allows. */
    private static long payBack(long[] out, long[] room, long owed, int at, int from) {
        for (int s = at; s >= from && owed > 0; s--) {
            long k = Math.min(owed, room[s] - out[s]);
            if (k > 0) {
                out[s] += k;
                owed -= k;
            }
        }
        return owed;
    }
}
