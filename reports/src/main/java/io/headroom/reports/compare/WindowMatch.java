package io.headroom.reports.compare;

import io.headroom.planner.timeline.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * A predicted 503 window paired with the observed one it best explains: the observed window that
 * overlaps it most, or failing that the nearest one starting within {@link #MAX_DISTANCE_SECONDS}.
 * Each observed window is used once.
 *
 * @param predicted the predicted window
 * @param observed the observed window, or null when none matched (a false alarm)
 * @param onsetErrorSeconds observed start − predicted start (positive: it happened later than predicted); null when unmatched
 * @param endErrorSeconds observed end − predicted end; null when unmatched
 */
public record WindowMatch(Window predicted, Window observed, Integer onsetErrorSeconds, Integer endErrorSeconds) {
    /** How far apart two windows may start and still be paired when they do not overlap. */
    public static final int MAX_DISTANCE_SECONDS = 30;

    /** Pairs every predicted window with at most one observed window, greedily in predicted order. */
    public static List<WindowMatch> pair(List<Window> predicted, List<Window> observed) {
        boolean[] used = new boolean[observed.size()];
        List<WindowMatch> matches = new ArrayList<>();
        for (Window p : predicted) {
            int best = -1;
            long bestScore = Long.MIN_VALUE;
            for (int i = 0; i < observed.size(); i++) {
                if (used[i]) {
                    continue;
                }
                Window o = observed.get(i);
                int overlap = Math.min(p.endSecond(), o.endSecond()) - Math.max(p.startSecond(), o.startSecond());
                int distance = Math.abs(o.startSecond() - p.startSecond());
                long score = overlap > 0 ? 1_000_000L + overlap : distance <= MAX_DISTANCE_SECONDS ? -distance : Long.MIN_VALUE;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best >= 0 && bestScore != Long.MIN_VALUE) {
                used[best] = true;
                Window o = observed.get(best);
                matches.add(new WindowMatch(p, o, o.startSecond() - p.startSecond(), o.endSecond() - p.endSecond()));
            } else {
                matches.add(new WindowMatch(p, null, null, null));
            }
        }
        return List.copyOf(matches);
    }
}
