package io.headroom.loadgen.loadtest;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.traffic.ArrivalStream;
import java.util.Arrays;

/**
 * The request times of a load test: exactly the arrivals the simulator draws for the scenario and
 * its seed, so predicted and observed runs see the same requests at the same instants.
 */
public final class ArrivalPlan {
    private final long[] arrivalNanos;
    private final int[] perSecond;

    private ArrivalPlan(long[] arrivalNanos, int seconds) {
        this.arrivalNanos = arrivalNanos;
        this.perSecond = new int[seconds];
        for (long t : arrivalNanos) {
            perSecond[(int) (t / 1_000_000_000L)]++;
        }
    }

    public static ArrivalPlan of(Scenario scenario) {
        ArrivalStream stream = Simulator.arrivals(scenario);
        long[] times = new long[1024];
        int n = 0;
        for (long t = stream.nextNanos(); t != Long.MAX_VALUE; t = stream.nextNanos()) {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
            }
            times[n++] = t;
        }
        return new ArrivalPlan(Arrays.copyOf(times, n), scenario.traffic().seconds());
    }

    /** Requests in the plan. */
    public int requests() {
        return arrivalNanos.length;
    }

    /** When request {@code index} (0-based, in time order) is due, in nanoseconds since the start. */
    public long arrivalNanos(int index) {
        return arrivalNanos[index];
    }

    /** Seconds the plan covers. */
    public int seconds() {
        return perSecond.length;
    }

    /** Requests due in {@code second}. */
    public int requestsIn(int second) {
        return perSecond[second];
    }
}
