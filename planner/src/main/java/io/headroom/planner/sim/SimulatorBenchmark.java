package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Throughput of the simulator, measured in one process and one thread: the full model (azureml
 * autoscaler, lognormal service, router queue, per-second timeline and histograms) next to a bare
 * M/M/c loss kernel (a heap of completion times and nothing else), so the ratio says what the model
 * costs on top of the unavoidable event handling, whatever the machine is doing.
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    /** One measurement: requests processed and the wall-clock time it took. */
    public record Measurement(String name, long requests, long nanos) {
        public double requestsPerSecond() {
            return requests / (nanos / 1e9);
        }
    }

    /**
     * The benchmark workload: {@code rps} requests per second for {@code length}, 50 ms lognormal
     * service (p99 150 ms), azureml 10..400 replicas at 0.7 with a 30 s startup, a rate that steps up
     * and down every 10 minutes so the autoscaler and the 503 path are exercised.
     */
    public static Scenario workload(double rps, Duration length, long seed) {
        Service service = new Service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(50), Duration.ofMillis(150)), 1,
                Duration.ofMillis(500), Duration.ofSeconds(60), 0.001, new ConstantDistribution(Duration.ofSeconds(30)), 0,
                Resources.DEFAULT);
        List<Segment> segments = new java.util.ArrayList<>();
        for (long minute = 0; minute * 60 < length.toSeconds(); minute += 10) {
            segments.add(new Segment.Step(Duration.ofMinutes(minute), (minute / 10) % 2 == 0 ? rps * 0.6 : rps * 1.4));
        }
        return new Scenario("benchmark", seed, service, new AzureMlSpec(10, 400, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                Optional.empty(), new Traffic(length, ArrivalProcess.POISSON, new RateProfile(segments)), Slo.NONE,
                Optional.empty(), "benchmark");
    }

    /** Times the full simulator on {@link #workload}. */
    public static Measurement fullModel(double rps, Duration length, long seed) {
        long start = System.nanoTime();
        SimulationResult r = Simulator.run(workload(rps, length, seed));
        return new Measurement("full model (azureml, lognormal, queue, timeline)", r.summary().requests(), System.nanoTime() - start);
    }

    /**
     * The fast engine's workload: {@code rps} on average for {@code length}, 200 ms lognormal requests
     * (p99 600 ms) on 4 slots per replica, azureml 10..20,000 replicas at 0.7 with a 60 s startup, the
     * rate stepping between 0.6 and 1.4 times {@code rps} every 10 minutes.
     */
    public static Scenario fastWorkload(double rps, Duration length, long seed) {
        return fastWorkload(rps, length, seed, Routing.CENTRAL);
    }

    /** {@link #fastWorkload(double, Duration, long)} with another {@code service.routing}. */
    public static Scenario fastWorkload(double rps, Duration length, long seed, Routing routing) {
        Service service = new Service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(200), Duration.ofMillis(600)), 4,
                Duration.ofMillis(500), Duration.ofSeconds(60), 0.001, new ConstantDistribution(Duration.ofSeconds(60)), 0,
                Resources.DEFAULT).withRouting(routing);
        List<Segment> segments = new java.util.ArrayList<>();
        for (long minute = 0; minute * 60 < length.toSeconds(); minute += 10) {
            segments.add(new Segment.Step(Duration.ofMinutes(minute), (minute / 10) % 2 == 0 ? rps * 0.6 : rps * 1.4));
        }
        return new Scenario("fast benchmark", seed, service, new AzureMlSpec(10, 20_000, 0.7, Duration.ofSeconds(1),
                Duration.ofSeconds(60)), Optional.empty(), new Traffic(length, ArrivalProcess.POISSON, new RateProfile(segments)),
                Slo.NONE, Optional.empty(), "benchmark");
    }

    /** Times the fast engine on {@link #fastWorkload}, one thread; the measurement counts the requests it stood for. */
    public static Measurement fastEngine(double rps, Duration length, long seed) {
        return fastEngine(rps, length, seed, Routing.CENTRAL);
    }

    /** {@link #fastEngine(double, Duration, long)} behind another {@code service.routing}. */
    public static Measurement fastEngine(double rps, Duration length, long seed, Routing routing) {
        long start = System.nanoTime();
        SimulationResult r = Simulator.run(fastWorkload(rps, length, seed, routing), SimulationEngine.FAST);
        return new Measurement("fast engine, " + Math.round(rps) + " rps, " + routing.mode().key(), r.summary().requests(),
                System.nanoTime() - start);
    }

    /** Times a bare M/M/c loss kernel: Poisson arrivals, exponential service, a completion heap. */
    public static Measurement bareKernel(long requests, int servers, double rps, double meanServiceSeconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LongMinHeap completions = new LongMinHeap();
        double meanGapNanos = 1e9 / rps;
        double meanServiceNanos = meanServiceSeconds * 1e9;
        long now = 0;
        long rejected = 0;
        long start = System.nanoTime();
        for (long i = 0; i < requests; i++) {
            now += (long) (-meanGapNanos * Math.log(1.0 - random.nextDouble()));
            while (completions.peek() <= now) {
                completions.poll();
            }
            if (completions.size() < servers) {
                completions.add(now + (long) (-meanServiceNanos * Math.log(1.0 - random.nextDouble())));
            } else {
                rejected++;
            }
        }
        long nanos = System.nanoTime() - start;
        if (rejected < 0) {
            throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
        }
        return new Measurement("bare M/M/c kernel (heap only)", requests, nanos);
    }
}
