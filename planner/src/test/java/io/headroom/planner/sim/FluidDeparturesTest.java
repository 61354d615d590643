package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.LognormalDistribution;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The departure ring against what follows from its kernel: everything scheduled departs, once, and the
 * mean departure delay is the kernel's mean service time times the factor exactly (each stretched delay
 * is split between the steps either side), derived from the kernel itself, to 1e-9.
 */
class FluidDeparturesTest {
    private static final long STEP = 50_000_000L;

    @ParameterizedTest(name = "factor {0}")
    @CsvSource({"1.0", "1.37", "2.5"})
    void everythingDepartsOnceAtTheStretchedMeanDelay(double factor) {
        DistributionSpec service = LognormalDistribution.fromMeanAndP99(Duration.ofMillis(400), Duration.ofMillis(1600));
        ServiceTimeTable table = new ServiceTimeTable(service.sampler(), new SplittableRandom(3), service.mean().toNanos(), STEP,
                Long.MAX_VALUE);
        FluidDepartures departures = new FluidDepartures(table, factor != 1, 2.5);
        double kernelMean = 0;
        for (int i = 0; i < table.kernelSteps().length; i++) {
            kernelMean += table.kernelSteps()[i] * table.kernelShares()[i];
        }
        long start = 7;
        double started = 10;
        double arrivals = 4;
        double sameStep = departures.schedule(start, arrivals, started, factor);
        double busyTotal = sameStep;
        double offeredTotal = arrivals * table.sameStepShare();
        double busyDelay = 0;
        for (long step = start + 1; step < start + 4 * table.maxSteps() + 4; step++) {
            departures.take(step);
            busyTotal += departures.busyFreed();
            offeredTotal += departures.offeredFreed();
            busyDelay += departures.busyFreed() * (step - start);
        }
        assertEquals(started, busyTotal, 1e-9, "every started request frees its slot once");
        assertEquals(arrivals, offeredTotal, 1e-9, "the offered load leaves once");
        assertEquals(kernelMean * factor, busyDelay / started, 1e-9, "mean delay in steps");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lognormal", "sparse"})
    void eachStepFreesExactlyTheSharesEndingThere(String kernel) {
        io.headroom.planner.dist.DurationSampler sampler = kernel.equals("lognormal")
                ? LognormalDistribution.fromMeanAndP99(Duration.ofMillis(400), Duration.ofMillis(1600)).sampler()
                : random -> random.nextInt(50) == 0 ? 2_000_000_000L : 100_000_000L;
        ServiceTimeTable table = new ServiceTimeTable(sampler, new SplittableRandom(5), 138_000_000, STEP, Long.MAX_VALUE);
        FluidDepartures departures = new FluidDepartures(table, false, 1);
        int[] steps = table.kernelSteps();
        double[] shares = table.kernelShares();
        int longest = table.maxSteps();
        long first = 3L * (longest + 1) - 2;
        long[] at = {first, first + 3};
        double[] started = {10, 2.5};
        double[] arrivals = {4, 7};
        double[] expectedBusy = new double[longest + 4];
        double[] expectedOffered = new double[longest + 4];
        for (int j = 0; j < at.length; j++) {
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] > 0) {
                    int k = (int) (at[j] - first) + steps[i];
                    expectedBusy[k] += started[j] * shares[i];
                    expectedOffered[k] += arrivals[j] * shares[i];
                }
            }
        }
        // as the engine steps: a step's departures are taken before its own requests are scheduled
        for (int k = 0; k < expectedBusy.length; k++) {
            departures.take(first + k);
            if (k > 0) {
                assertEquals(expectedBusy[k], departures.busyFreed(), 0, "busy freed " + k + " steps on");
                assertEquals(expectedOffered[k], departures.offeredFreed(), 0, "offered freed " + k + " steps on");
            }
            for (int j = 0; j < at.length; j++) {
                if (at[j] == first + k) {
                    departures.schedule(at[j], arrivals[j], started[j], 1);
                }
            }
        }
    }
}
