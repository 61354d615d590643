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
 * <p>The renderer moves whole 503s between seconds, never creates or drops one: the fluid 503s,
 * already rounded per second ({@code base}), are owed; when the owed count reaches one episode's
 * size ({@link RejectionEpisodes.Shape#requests}, the mean 503s of a run of 503-seconds, from the
 * queue's diffusion at the rejecting level), a run of {@link RejectionEpisodes.Shape#seconds}
 * seconds pays it out evenly, taking from each second at most what that second can hold (its
 * served and rejected requests; the row's ok count takes the difference, so arrivals stay). Owed
 * 503s that never add up to an episode are paid, once the fluid has been quiet for more than the
 * windows' merge gap, in the last second of the stretch that paid anything, else in the last second
 * that had fluid 503s, so a stretch of fluid 503s that adds up to a request still shows one.
 *
 * <p>Episodes come at the mean spacing (size / rate), not at random times: the timeline is the
 * typical run, whose windows begin where most real runs are inside one, not one random run. At a low
 * rate the episodes are separate short windows (a real run's share of seconds in a window there is
 * higher: its bursts sometimes fall close together); they merge once the spacing is within the merge
 * gap. Deterministic; stateless.
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
        long[] ahead = ahead(base, mergeGapSeconds);
        long[] out = new long[n];
        long owed = 0;
        long perSecond = 0;
        int left = 0;
        int stretchStart = -1;
        int lastInflow = -1;
        int lastPaid = -1;
        RejectionEpisodes.Shape shape = null;
        for (int s = 0; s < n; s++) {
            if (base[s] > 0) {
                owed += base[s];
                shape = shapes[s];
                if (stretchStart < 0) {
                    stretchStart = s;
                }
                lastInflow = s;
            }
            // an episode starts when a second's worth of 503s is owed, or will be by the end of the next second (a step)
            long next = s + 1 < n && ahead[s] > 0 ? base[s + 1] : 0;
            if (left == 0 && shape != null && owed > 0 && owed + next >= Math.max(1, Math.round(shape.perSecond()))) {
                left = (int) Math.max(1, Math.round(shape.seconds()));
                perSecond = Math.max(1, Math.round(shape.perSecond()));
            }
            if (left > 0) {
                // an episode pays its size each second, ahead of the fluid if need be (up to what the stretch still brings)
                long k = Math.min(Math.min(room[s] - out[s], Math.max(perSecond, (owed + left - 1) / left)), owed + ahead[s]);
                if (k > 0) {
                    out[s] += k;
                    owed -= k;
                    lastPaid = s;
                }
                left--;
            }
            if (stretchStart >= 0 && (left == 0 && s - lastInflow > mergeGapSeconds || s == n - 1)) {
                int at = lastPaid >= stretchStart ? lastPaid : lastInflow;
                owed = payBack(out, room, owed, at, stretchStart);
                stretchStart = -1;
            }
        }
        if (owed != 0) {
            throw new IllegalStateException("burst rendering left " + owed + " 503s unpaid");
        }
        return out;
    }

    /**
     * Per second, the 503s still to come in its stretch (seconds with 503s no more than the merge
     * gap apart): how far an episode may pay ahead of the fluid.
     */
    private static long[] ahead(long[] base, int mergeGapSeconds) {
        long[] ahead = new long[base.length];
        long running = 0;
        int quiet = 0;
        for (int s = base.length - 1; s >= 0; s--) {
            ahead[s] = quiet <= mergeGapSeconds ? running : 0;
            if (base[s] > 0) {
                if (quiet > mergeGapSeconds) {
                    running = 0;
                }
                running += base[s];
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return ahead;
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
