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
}
