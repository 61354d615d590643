package io.headroom.planner.sizing;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.cluster.ClusterFit;
import io.headroom.planner.queueing.ErlangC;
import io.headroom.planner.queueing.MaxWaitQueue;
import io.headroom.planner.time.Durations;

/**
 * Sizes a service: pure functions of a {@link SizingQuery}.
 *
 * <p>The replica count is Azure ML's documented rule (Deploy a model to AKS, "autoscaling" section:
 * {@code replicas = ceil(rps × requestSeconds / targetUtilization / maxConcurrentPerReplica)});
 * 20 rps × 10 s / 0.7 / 1 → 286. The queueing check then treats the replicas' concurrency slots as
 * the c servers of a queue fed by Poisson arrivals: {@link ErlangC} for the probability of waiting
 * (as an unlimited queue would have it) and {@link MaxWaitQueue} (M/M/c+D, with the Allen–Cunneen
 * scaling for the service-time cv) for what the router's max wait makes of the queue: the fraction
 * rejected with 503 and the mean and p99 wait, which therefore never exceed the max wait.
 *
 * <p>With an SLO, {@link #sloReplicas} finds the smallest count meeting it. Both constraints are
 * monotone in the replica count (more servers never reject more nor wait longer), so the search is
 * a doubling climb from a proven lower bound followed by a binary search: O(log n) evaluations of
 * an O(n) recursion, fast for thousands of replicas.
 */
public final class Sizer {
    /** Servers (replicas × concurrency) beyond which the search gives up rather than spin. */
    static final long MAX_SERVERS = 10_000_000L;

    private Sizer() {
    }

    /** Sizes {@code query}: the formula count, its queueing check, the SLO count and the node placement. */
    public static SizingResult size(SizingQuery query) {
        int replicas = formulaReplicas(query);
        QueueingCheck atReplicas = check(query, replicas);
        Integer sloReplicas = query.hasSlo() ? sloReplicas(query) : null;
        QueueingCheck atSlo = sloReplicas == null ? null : check(query, sloReplicas);
        int recommended = sloReplicas != null ? sloReplicas : replicas;
        ClusterFit nodes = query.nodePools().isEmpty() ? null : ClusterFit.place(query.resources(), query.nodePools(), recommended);
        String explanation = SloExplanation.explain(query, replicas, sloReplicas);
        return new SizingResult(query, replicas, atReplicas, sloReplicas, atSlo, nodes, explanation);
    }

    /** ceil(rps × latencySeconds / utilization / concurrency), ignoring floating-point error below 1e-9. */
    public static int formulaReplicas(SizingQuery query) {
        double exact = query.offeredLoadErlangs() / query.targetUtilization() / query.concurrency();
        return checkedReplicas(Math.max(1, (long) Math.ceil(exact - 1e-9)), query);
    }

    /** The queueing behaviour with {@code replicas} replicas. */
    public static QueueingCheck check(SizingQuery query, int replicas) {
        int servers = Math.toIntExact(checkedReplicas(replicas, query) * (long) query.concurrency());
        double rps = query.targetRps();
        double serviceSeconds = Durations.seconds(query.latency());
        double load = query.offeredLoadErlangs();
        double cv = query.serviceCv();
        double maxWaitSeconds = Durations.seconds(query.maxWait());
        MaxWaitQueue.Outcome router = MaxWaitQueue.solve(servers, rps, serviceSeconds, maxWaitSeconds, cv);
        double p99Wait = MaxWaitQueue.waitQuantileSeconds(servers, rps, serviceSeconds, maxWaitSeconds, cv, 0.99);
        return new QueueingCheck(replicas, servers, load, load / servers, ErlangC.probabilityOfWait(servers, load),
                router.meanWaitSeconds(), p99Wait, router.rejectionFraction());
    }

    /** True when {@code replicas} meet every SLO in {@code query} (vacuously true without SLOs). */
    public static boolean meetsSlos(SizingQuery query, int replicas) {
        return meets503(query, replicas) && meetsP99(query, replicas);
    }

    static boolean meets503(SizingQuery query, int replicas) {
        return query.slo503() == null || check(query, replicas).rejectionFraction() <= query.slo503();
    }

    static boolean meetsP99(SizingQuery query, int replicas) {
        if (query.sloP99Wait() == null) {
            return true;
        }
        Double p99Seconds = check(query, replicas).p99WaitSeconds();
        return p99Seconds != null && p99Seconds <= Durations.seconds(query.sloP99Wait());
    }

    /**
     * The smallest replica count meeting the query's SLOs.
     *
     * <p>Lower bound: the router carries at most c requests at a time, so at least
     * 1 − c/a of them are rejected and a 503 SLO s needs c &ge; a·(1 − s); a p99 wait SLO below the
     * max wait needs at most 1 % rejected (a rejected request waited the max wait), so c &ge; 0.99·a.
     * A p99 wait SLO at or above the max wait always holds: no request waits longer. The search climbs from that bound by doubling steps, then bisects.
     *
     * @throws InvalidInputException when no count up to {@value #MAX_SERVERS} servers meets the SLOs
     */
    public static int sloReplicas(SizingQuery query) {
        if (!query.hasSlo()) {
            throw new IllegalArgumentException("the query has no SLO");
        }
        double load = query.offeredLoadErlangs();
        int concurrency = query.concurrency();
        double minServers = 1;
        if (query.slo503() != null) {
            minServers = Math.max(minServers, Math.ceil(load * (1 - query.slo503()) - 1e-9));
        }
        if (query.sloP99Wait() != null && query.sloP99Wait().compareTo(query.maxWait()) < 0) {
            // p99 below the max wait needs at most 1 % rejected, and at least 1 − c/a are
            minServers = Math.max(minServers, Math.ceil(load * 0.99 - 1e-9));
        }
        long low = Math.max(1, (long) Math.ceil(minServers / concurrency - 1e-9));
        int lowReplicas = checkedReplicas(low, query);
        if (meetsSlos(query, lowReplicas)) {
            return lowReplicas;
        }
        long failing = low;
        long step = 1;
        long high = low + step;
        while (!meetsSlos(query, checkedReplicas(high, query))) {
            failing = high;
            step *= 2;
            high = low + step;
        }
        while (high - failing > 1) {
            long mid = failing + (high - failing) / 2;
            if (meetsSlos(query, (int) mid)) {
                high = mid;
            } else {
                failing = mid;
            }
        }
        return (int) high;
    }

    private static int checkedReplicas(long replicas, SizingQuery query) {
        if (replicas * (double) query.concurrency() > MAX_SERVERS) {
            throw new InvalidInputException("sizing needs more than " + MAX_SERVERS + " servers (replicas x concurrency) for "
                    + HumanFormat.plain(query.targetRps()) + " rps x " + Durations.format(query.latency())
                    + (query.hasSlo() ? " under the given SLOs" : "") + "; this is outside what headroom size computes");
        }
        return (int) replicas;
    }
}
