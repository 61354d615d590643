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

    /** Per load (its bits): B(i × EVERY, a) for every i filled so far, the array exactly as long. */
    private final Map<Long, double[]> byLoad = new HashMap<>();

    /** B(servers, offeredLoadErlangs), exactly {@link ErlangB#blocking}'s value. */
    public double blocking(int servers, double offeredLoadErlangs) {
        if (servers < EVERY) {
            return ErlangB.blocking(servers, offeredLoadErlangs);
        }
        ErlangB.requireLoad(offeredLoadErlangs);
        Long load = Double.doubleToRawLongBits(offeredLoadErlangs);
        double[] points = byLoad.get(load);
        int needed = servers / EVERY + 1;
        if (points == null || points.length < needed) {
            if (points == null && byLoad.size() >= MAX_LOADS) {
                byLoad.clear();
            }
            int known = points == null ? 0 : points.length;
            points = points == null ? new double[needed] : java.util.Arrays.copyOf(points, needed);
            for (int i = known; i < needed; i++) {
                points[i] = i == 0 ? 1.0 : ErlangB.continued(points[i - 1], (i - 1) * EVERY, i * EVERY, offeredLoadErlangs);
            }
            byLoad.put(load, points);
        }
        int from = servers / EVERY;
        return ErlangB.continued(points[from], from * EVERY, servers, offeredLoadErlangs);
    }
}
