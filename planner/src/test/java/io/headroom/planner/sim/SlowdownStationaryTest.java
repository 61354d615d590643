package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast engine's stationary models under {@code service.slowdown} against the birth–death chain
 * solved directly (exponential service, random routing: each replica an M/M/k/K queue whose j busy
 * slots serve at j / (E[S]·(1 + b(j − 1))) and whose queue is served at k / (E[S]·(1 + b(k − 1)));
 * Gross &amp; Harris §2.9): the 503 share is p<sub>K</sub> (PASTA), the share that waits
 * Σ<sub>k≤j&lt;K</sub> p<sub>j</sub>. Behind the central queue with no wait (τ = 0) the 503 share is the
 * chain's loss over all slots, the replicas' busy slots spread evenly.
 */
class SlowdownStationaryTest {
    private static final double MEAN = 0.2;

    /** p_0..p_K of one replica: k slots, queue limit L, per-replica load a (drawn service), slowdown b. */
    private static double[] chain(int k, int limit, double a, double b) {
        int top = k + limit;
        double[] p = new double[top + 1];
        p[0] = 1;
        for (int j = 1; j <= top; j++) {
            int busy = Math.min(j, k);
            double rate = busy / (MEAN * (1 + b * (busy - 1)));
            p[j] = p[j - 1] * (a / MEAN) / rate;
        }
        double sum = 0;
        for (double x : p) {
            sum += x;
        }
        for (int j = 0; j <= top; j++) {
            p[j] /= sum;
        }
        return p;
    }

    @ParameterizedTest(name = "k={0}, L={1}, ρ drawn {2}, b={3}, n={4}")
    @CsvSource({"4, 10, 0.6, 0.15, 20", "4, 10, 0.8, 0.15, 20", "8, 0, 0.5, 0.25, 5", "2, 5, 0.9, 0.5, 50", "4, 20, 0.7, 0.15, 10"})
    void randomRoutingIsTheChainsMMkK(int k, int limit, double drawnRho, double b, int replicas) {
        ReplicaQueueStationary q = new ReplicaQueueStationary(false, k, limit, MEAN, 1, 3600, b);
        double a = drawnRho * k;
        double factor = 1.3;
        q.loadAtFactor(factor);
        // the engine's offered load is at the factor of the moment; the model reads it back at the drawn service time
        q.solve(replicas * k, a * replicas * factor);
        double[] p = chain(k, limit, a, b);
        double waits = 0;
        for (int j = k; j < k + limit; j++) {
            waits += p[j];
        }
        double tolerance = 0.002;
        assertEquals(p[k + limit], q.rejectedShare, tolerance * p[k + limit] + 1e-9, "503 share");
        assertEquals(waits, q.waitingShare, tolerance * waits + 1e-9, "waiting share");
    }

    @ParameterizedTest(name = "c={0}, a drawn {1}, b={2}")
    @CsvSource({"16, 8, 0.15", "64, 40, 0.1", "32, 20, 0.25"})
    void theCentralQueueWithoutAWaitLosesTheChainsShare(int slots, double a, double b) {
        int concurrency = 4;
        StationaryRouter router = new StationaryRouter(MEAN, 0, 1, 0.02, true, b, concurrency);
        router.solve(slots, a);
        double replicas = slots / (double) concurrency;
        double[] logs = new double[slots + 1];
        double max = 0;
        for (int j = 1; j <= slots; j++) {
            logs[j] = logs[j - 1] + Math.log(a * (1 + b * Math.max(0, j / replicas - 1)) / j);
            max = Math.max(max, logs[j]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        double loss = Math.exp(logs[slots] - max) / sum;
        // the memo rounds the load to a relative 1e-3; a loss moves with the load at most c/a times as fast
        assertEquals(loss, router.rejectedShare, 0.005 * loss);
    }
}
