package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.queueing.ErlangB;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The policy's sample path against queueing theory. With more slots than requests it is an M/G/∞
 * count: Poisson (variance = mean), and the variance of its average over a window T is
 * (2 λ / T²) ∫₀ᵀ (T − u) ∫ᵤ^∞ P(S &gt; v) dv du (the M/G/∞ autocovariance; Whitt, "Planning queueing
 * simulations", Management Science 35(11), 1989). Closed forms: constant service d, for T ≥ d,
 * λd (d/T − d²/(3T²)); exponential service of mean τ, λτ (2τ/T − 2τ²(1 − e^(−T/τ))/T²). The
 * Ornstein–Uhlenbeck fluctuation the engine used before gives the exponential's value for every
 * distribution: for constant 1 s service at T = 15 s, 0.124 λd instead of 0.065 λd. Without waiting
 * room and with c slots it is Erlang's loss system, whose busy count is a(1 − B(c, a)) for any
 * service-time distribution (insensitivity; Sevast'yanov 1957).
 *
 * <p>2^20 steps of 100 ms at 10 requests in flight: about 7,000 windows of 15 s, so a sampled
 * window variance is within about 2 % (one standard error) of its expectation; the tolerances are
 * 6 % for 15 s windows, 4 % for 1 s ones and for one step, 1 % for a mean; 2.5 % for Erlang's busy
 * count, as the grid's departures come before its arrivals.
 */
class SampledQueueTest {
    private static final long STEP = 100_000_000L;
    private static final int STEPS = 1 << 20;
    private static final double IN_FLIGHT = 10;

    @Test
    void constantServiceCountHasTheMdInfinityWindowVariances() {
        double d = 1.0;
        double[] x = inFlight(new ConstantDistribution(Duration.ofSeconds(1)), Long.MAX_VALUE / 4, 0, 11);
        assertEquals(IN_FLIGHT, mean(x), 0.01 * IN_FLIGHT, "mean");
        // one step's value is the step's mean, whose variance is λd (1 − h/(3d)); the grid's trapezoid gives λd (1 − h/(2d))
        double oneStep = IN_FLIGHT * (1 - 0.1 / (3 * d));
        assertEquals(oneStep, windowVariance(x, 1), 0.04 * oneStep, "Poisson: variance = mean, over one step");
        double oneSecond = IN_FLIGHT * (d / 1 - d * d / 3);
        assertEquals(oneSecond, windowVariance(x, 10), 0.04 * oneSecond, "1 s windows");
        double fifteen = IN_FLIGHT * (d / 15 - d * d / (3 * 15 * 15));
        assertEquals(fifteen, windowVariance(x, 150), 0.06 * fifteen, "15 s windows");
    }

    @Test
    void exponentialServiceCountHasTheMmInfinityWindowVariances() {
        double tau = 1.0;
        double[] x = inFlight(new ExponentialDistribution(Duration.ofSeconds(1)), Long.MAX_VALUE / 4, 0, 12);
        assertEquals(IN_FLIGHT, mean(x), 0.01 * IN_FLIGHT, "mean");
        for (int seconds : new int[] {1, 15}) {
            double theory = IN_FLIGHT * (2 * tau / seconds - 2 * tau * tau * (1 - Math.exp(-seconds / tau)) / (seconds * seconds));
            assertEquals(theory, windowVariance(x, seconds * 10), 0.06 * theory, seconds + " s windows");
        }
    }

    @Test
    void withoutWaitingRoomTheBusyCountIsErlangs() {
        DistributionSpec lognormal = LognormalDistribution.fromMeanAndP99(Duration.ofSeconds(1), Duration.ofSeconds(3));
        for (int slots : new int[] {8, 12}) {
            double[] busy = inFlight(lognormal, slots, 0, 13);
            double theory = IN_FLIGHT * (1 - ErlangB.blocking(slots, IN_FLIGHT));
            // the grid frees a step's departures before its arrivals: it blocks a little less (+1.6 % busy at 8 slots)
            assertEquals(theory, mean(busy), 0.025 * theory, slots + " slots");
        }
    }

    /** The count over each step at {@link #IN_FLIGHT} Erlangs on {@code slots} slots with {@code waitNanos} of waiting room. */
    private static double[] inFlight(DistributionSpec service, long slots, long waitNanos, long seed) {
        ServiceTimeTable table = new ServiceTimeTable(service.sampler(), new SplittableRandom(seed), service.mean().toNanos(), STEP,
                Long.MAX_VALUE);
        SampledQueue queue = new SampledQueue(table, STEP, waitNanos, new SplittableRandom(seed + 1));
        double perStep = IN_FLIGHT / (service.mean().toNanos() / (double) STEP);
        for (int i = 0; i < 1000; i++) {
            queue.step(perStep, slots);
        }
        double[] x = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            queue.step(perStep, slots);
            x[i] = queue.inFlight();
        }
        return x;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The sample variance of the means of consecutive windows of {@code steps} steps. */
    private static double windowVariance(double[] x, int steps) {
        int windows = x.length / steps;
        double sum = 0;
        double squares = 0;
        for (int w = 0; w < windows; w++) {
            double m = 0;
            for (int i = 0; i < steps; i++) {
                m += x[w * steps + i];
            }
            m /= steps;
            sum += m;
            squares += m * m;
        }
        double m = sum / windows;
        return (squares - windows * m * m) / (windows - 1);
    }
}
