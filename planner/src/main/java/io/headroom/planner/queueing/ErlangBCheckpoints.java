package io.headroom.planner.queueing;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link ErlangB#blocking} for many server counts at a few offered loads, as the fast engine asks for it
 * (a day at 100 k rps: 7,578 results at 89 loads and 334 slot counts, each a recursion over up to 28,000
 * servers). Per load it keeps the recursion's value every {@value #EVERY} servers, so a result continues
 * from the checkpoint below its server count: at most {@value #EVERY} steps instead of c. The steps from a
 * checkpoint are the very operations the recursion from B(0) = 1 performs there, on the very value it holds,
 * so every result is bit for bit {@link ErlangB#blocking}'s. At most {@value #MAX_LOADS} loads are kept; past
 * that the checkpoints start over (results do not depend on what is kept). Mutable, one thread.
 */
public final class ErlangBCheckpoints {
    static final int EVERY = 256;
    static final int MAX_LOADS = 4096;

    /** Per load (its bits): B(i × EVERY, a) for i = 0 … filled − 1, in an array that grows. */
    private final Map<Long, double[]> byLoad = new HashMap<>();
    private final Map<Long, Integer> filled = new HashMap<>();

    /** B(servers, offeredLoadErlangs), exactly {@link ErlangB#blocking}'s value. */
    public double blocking(int servers, double offeredLoadErlangs) {
        if (servers < EVERY) {
            return ErlangB.blocking(servers, offeredLoadErlangs);
        }
        if (!(offeredLoadErlangs >= 0) || Double.isInfinite(offeredLoadErlangs)) {
            throw new IllegalArgumentException("offered load must be a finite number >= 0 but was " + offeredLoadErlangs);
        }
        Long load = Double.doubleToRawLongBits(offeredLoadErlangs);
        double[] points = byLoad.get(load);
        int known = points == null ? 0 : filled.get(load);
        int needed = servers / EVERY + 1;
        if (known < needed) {
            if (points == null) {
                if (byLoad.size() >= MAX_LOADS) {
                    byLoad.clear();
                    filled.clear();
                }
                points = new double[Math.max(needed, 8)];
                points[0] = 1.0;
                known = 1;
            } else if (points.length < needed) {
                points = java.util.Arrays.copyOf(points, Math.max(needed, 2 * points.length));
            }
            double b = points[known - 1];
            for (int k = (known - 1) * EVERY + 1; k <= (needed - 1) * EVERY; k++) {
                double ab = offeredLoadErlangs * b;
                b = ab / (k + ab);
                if (k % EVERY == 0) {
                    points[k / EVERY] = b;
                }
            }
            byLoad.put(load, points);
            filled.put(load, needed);
        }
        int from = servers / EVERY * EVERY;
        double b = points[from / EVERY];
        for (int k = from + 1; k <= servers; k++) {
            double ab = offeredLoadErlangs * b;
            b = ab / (k + ab);
        }
        return b;
    }
}
