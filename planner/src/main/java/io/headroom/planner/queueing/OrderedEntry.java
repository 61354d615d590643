package io.headroom.planner.queueing;

/**
 * Ordered entry over replicas: every arrival takes the first free slot, the replicas tried in a fixed order
 * and each replica's {@code concurrency} slots one after the other (Knative's activator with its first-available
 * policy, which sends a request to the first pod whose breaker has capacity). The first n slots in that order
 * are then a loss system of their own: an arrival that finds them all busy overflows past them, so
 * P(the first n slots are busy) = B(n, a), Erlang's loss formula at the offered load a, whatever the
 * service-time distribution (the loss system's insensitivity; the ordered-entry result of R. B. Cooper,
 * <i>Introduction to Queueing Theory</i>, 2nd ed., North Holland 1981, §4.6, "ordered hunt"). So an arrival
 * lands on replica r (after the N = (r − 1)·concurrency slots before it) with probability B(N, a) − B(N + concurrency, a).
 *
 * <p>{@link #meanSeen} is what {@code service.slowdown} needs: the requests on the replica where an arrival
 * starts, itself included. Replica r sees only the overflow of the N slots before it, which is burstier than
 * Poisson, so what an arrival finds there is not the replica's time-average. The overflow is taken as an
 * on/off source (the interrupted Poisson process of A. Kuczura, "The interrupted Poisson process as an overflow
 * process", Bell System Technical Journal 52(3), 1973), with its phases from the N slots' own birth–death chain
 * (rates in units of the mean service time): <i>on</i> while all N are busy, arrivals overflowing at rate a, for
 * an exponential time of rate N (the first departure: exact); <i>off</i> for the chain's first passage from
 * N − 1 back to N, whose first two moments follow exactly from the recursion T<sub>k</sub> = E + I·(T<sub>k−1</sub>
 * + T'<sub>k</sub>) (E the holding time at k, I whether it steps down), fitted by a two-phase hyperexponential
 * with balanced means (W. Whitt, "Approximating a point process by a renewal process", Operations Research 30(1),
 * 1982). Replica r is then a loss system of {@code concurrency} slots fed by this three-phase source, solved by
 * linear level reduction over its busy count (3 × 3 blocks, O(concurrency) per replica); an arrival, which only
 * comes in the on phase, sees the replica's count conditional on it. Against the system simulated
 * ({@code OrderedEntryTest}: 4-slot replicas at 5 to 300 Erlangs, 2- and 10-slot ones) it is within 0.5 %;
 * taking the replica's later slots at their unconditional occupancy instead overstated by up to 4.6 %. An
 * arrival that finds every slot busy waits and then starts where a slot just freed, on an otherwise full
 * replica: it sees the concurrency. Stateless.
 */
public final class OrderedEntry {
    /** Past the load and this many standard deviations, B is taken as 0: no arrival gets that far. */
    private static final double DEVIATIONS = 12;
    /** A replica an arrival lands on less often than this adds nothing (and its off-period moments may overflow). */
    private static final double NEGLIGIBLE = 1e-15;

    private OrderedEntry() {
    }

    /**
     * The mean in flight on the replica an arrival starts on, itself included, at {@code offeredErlangs} busy on
     * {@code slots} slots of replicas of {@code concurrency} each (1 when nothing is busy).
     */
    public static double meanSeen(double offeredErlangs, int concurrency, int slots) {
        if (!(offeredErlangs > 0) || slots <= 0) {
            return 1;
        }
        double a = offeredErlangs;
        int last = (int) Math.min(slots, Math.ceil(a + DEVIATIONS * Math.sqrt(a) + 2 * concurrency + 10));
        double[] b = new double[last + 1];
        b[0] = 1;
        for (int k = 1; k <= last; k++) {
            b[k] = ErlangB.continued(b[k - 1], k - 1, k, a);
        }
        double seen = 0;
        // the first passage T_k from k busy to k + 1: its first two moments, k = 0 first
        double m1 = 1 / a;
        double m2 = 2 / (a * a);
        int passage = 0;
        for (int before = 0; before < last; before += concurrency) {
            int end = Math.min(before + concurrency, last);
            double lands = b[before] - b[end];
            if (lands < NEGLIGIBLE) {
                continue;
            }
            for (; passage < before - 1; passage++) {
                int k = passage + 1;
                double stay = 1 / (a + k);
                double down = k / (a + k);
                double next1 = (1 + k * m1) / a;
                double next2 = (2 * stay * stay + 2 * stay * down * (m1 + next1) + down * (m2 + 2 * m1 * next1)) / (1 - down);
                m1 = next1;
                m2 = next2;
            }
            seen += lands * seenOnReplica(a, concurrency, before, m1, m2);
        }
        if (last < slots) {
            return 1 + seen;
        }
        // every slot busy (only when the slots end before B vanishes): the arrival waits, with Erlang C's probability
        // (B's when it would be lost), and then starts where a slot just freed, on a full replica; the others land as above
        double waits = ErlangC.ofBlocking(slots, a, b[last]);
        double landing = waits >= 1 ? 0 : (1 - waits) / (1 - b[last]);
        return 1 + seen * landing + waits * (concurrency - 1);
    }

    /**
     * The mean busy count an overflow arrival finds on a replica of {@code concurrency} slots behind {@code before}
     * slots, of which the first passage from {@code before} − 1 busy back to {@code before} has moments
     * {@code m1}, {@code m2} (ignored when {@code before} is 0: then every arrival reaches the replica).
     */
    private static double seenOnReplica(double a, int concurrency, int before, double m1, double m2) {
        double g = before;
        double p1 = 0.5;
        double mu1 = 1;
        double mu2 = 1;
        if (before > 0) {
            double scv = Math.max(1, m2 / (m1 * m1) - 1);
            p1 = 0.5 * (1 + Math.sqrt((scv - 1) / (scv + 1)));
            mu1 = 2 * p1 / m1;
            mu2 = 2 * (1 - p1) / m1;
        }
        // r_j = row "on" of (−M_j)^-1, M_j the generator at j busy with the levels above folded in; from the top down
        // (at the top there is nothing above: r starts at 0)
        double[] on = new double[concurrency + 1];
        double r0 = 0;
        double r1 = 0;
        double r2 = 0;
        for (int j = concurrency; j >= 1; j--) {
            double up = j < concurrency ? a : 0;
            double fold = (j + 1) * a;
            double d0 = up + j + g - fold * r0;
            double e1 = -g * p1 - fold * r1;
            double e2 = -g * (1 - p1) - fold * r2;
            double f1 = mu1 + j;
            double f2 = mu2 + j;
            r0 = 1 / (d0 + e1 * mu1 / f1 + e2 * mu2 / f2);
            r1 = -r0 * e1 / f1;
            r2 = -r0 * e2 / f2;
            on[j] = r0;
        }
        // the on phase's weights at 0 … concurrency − 1 busy: x_0 = 1, x_j = a·x_(j−1)·r_j
        double x = 1;
        double weight = 1;
        double busy = 0;
        for (int j = 1; j < concurrency; j++) {
            x *= a * on[j];
            weight += x;
            busy += j * x;
        }
        return busy / weight;
    }
}
