package io.headroom.planner.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.sim.RunSpread;
import io.headroom.planner.sim.SimulationEngine;
import io.headroom.planner.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios whose right answer follows from reasoning, searched with the simulator. */
class RecommenderTest {
    @TempDir
    Path dir;

    private Scenario load(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return ScenarioLoader.load(file);
    }

    /**
     * 5 → 50 rps at 2m with 1 s requests and a 60 s startup: for the first 60 s after the step no new
     * replica is ready, so the warm pool alone faces 50 Erlangs (~3,000 requests). The whole run has
     * ~12,600 requests, so 0.1 % allows ~12 rejections; c replicas finish at most c per second, so
     * about 3,000 × (1 − c/50) are rejected: c must be ~50 whatever the target. Slack of 2 for the
     * Poisson count and the 500 ms router queue.
     */
    @Test
    void aStepNeedsAWarmPoolAsLargeAsTheStepAndItHoldsInFreshSeeds() throws IOException {
        Scenario s = load("""
                name: step
                seed: 1
                service: {serviceTime: {distribution: exponential, mean: 1s}, startup: 60s}
                autoscaler: {policy: azureml, minReplicas: 3, maxReplicas: 200, targetUtilization: 0.7}
                traffic: {duration: 6m, profile: [{at: 0s, rps: 5}, {at: 2m, rps: 50}]}
                slo: {max503Fraction: 0.001}
                """);
        Recommendation r = Recommender.recommend(s, 5, Progress.NONE);
        assertFalse(r.current().evaluation().meetsSlo(), "3 warm replicas cannot absorb the step");
        Alternative best = r.best().orElseThrow();
        assertTrue(best.config().minReplicas() >= 48, "warm pool " + best.config());
        assertTrue(best.reason().contains("warm pool"), best.reason());
        Scenario chosen = best.config().applyTo(s);
        for (long seed : RunSpread.seeds(987_654_321L, 5)) {
            assertTrue(Simulator.run(chosen.withSeed(seed)).summary().sloMet(), "fresh seed " + seed + " with " + best.config());
        }
    }

    /**
     * A slow ramp the autoscaler follows: 2 → 10 rps over 20 min, 10 s startup, 3 warm replicas (ceil(2 / 0.7)). At the
     * rule's counts a few 1 s requests still wait past 500 ms (size: 0.40 % at 5 rps on 8 replicas), so the SLO is 1 %.
     */
    @Test
    void aGentleRampNeedsNoChange() throws IOException {
        Scenario s = load("""
                name: ramp
                seed: 2
                service: {serviceTime: {distribution: lognormal, mean: 1s, cv: 0.3}, startup: 10s}
                autoscaler: {policy: azureml, minReplicas: 3, maxReplicas: 40, targetUtilization: 0.7}
                traffic: {duration: 25m, profile: [{at: 0s, rps: 2}, {at: 2m, rampTo: 10, over: 20m}]}
                slo: {max503Fraction: 0.01}
                """);
        Recommendation r = Recommender.recommend(s, 5, Progress.NONE);
        assertTrue(r.current().evaluation().meetsSlo());
        assertTrue(r.best().orElseThrow() == r.current(), "best " + r.best().orElseThrow().changes());
    }

    /** 15 rps of 1 s requests is 15 Erlangs: a cap of 10 replicas rejects about a third, whatever the warm pool. */
    @Test
    void aBindingCapIsRaised() throws IOException {
        Scenario s = load("""
                name: cap
                seed: 3
                service: {serviceTime: {distribution: exponential, mean: 1s}, startup: 30s}
                autoscaler: {policy: azureml, minReplicas: 5, maxReplicas: 10, targetUtilization: 0.7}
                traffic: {duration: 10m, profile: [{at: 0s, rps: 5}, {at: 2m, rampTo: 15, over: 2m}]}
                slo: {max503Fraction: 0.001}
                """);
        Recommendation r = Recommender.recommend(s, 3, Progress.NONE);
        Alternative best = r.best().orElseThrow();
        assertTrue(best.config().maxReplicas() > 15, "15 Erlangs need more than 15 replicas: " + best.config());
        assertTrue(best.reason().contains("the cap bound at"), best.reason());
    }

    @Test
    void aLatencySloBelowTheServiceTimeIsImpossibleAndSaysSo() throws IOException {
        Scenario s = load("""
                name: too fast
                seed: 4
                service: {serviceTime: 1s, startup: 10s}
                autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 10}
                traffic: {duration: 3m, profile: [{at: 0s, rps: 2}]}
                slo: {latency: {p99: 500ms}}
                """);
        Recommendation r = Recommender.recommend(s, 2, Progress.NONE);
        String why = r.impossible().orElseThrow();
        assertTrue(why.contains("latency p99") && why.contains("the service time alone has p99 1 s"), why);
        assertTrue(r.best().isEmpty());
    }

    /** One replica per node, 1 node (4 at the cap), and a peak that needs ~15 replicas. */
    @Test
    void aClusterThatCannotGrowEnoughNamesItsCapacity() throws IOException {
        Scenario s = load("""
                name: small cluster
                seed: 5
                service: {serviceTime: 1s, startup: 10s, resources: {cpu: 4, memoryGb: 8}}
                autoscaler: {policy: azureml, minReplicas: 1, maxReplicas: 30}
                cluster: {nodePools: [{name: cpu, count: 1, cpu: 4, memoryGb: 16}]}
                traffic: {duration: 3m, profile: [{at: 0s, rps: 10}]}
                """);
        Recommendation r = Recommender.recommend(s, 2, Progress.NONE);
        assertTrue(r.sloDefaulted());
        String why = r.impossible().orElseThrow();
        assertTrue(why.contains("the cluster's nodes hold only 4 replicas"), why);
    }

    /**
     * The undersized cluster of issue 11: 8 single-GPU nodes (32 at the search's cap) and a peak of 90 rps of 500 ms
     * requests, 45 replicas busy on average, 65 by the rule at 0.7. The best within the 8 nodes is every replica they
     * hold, warm; the configuration that meets needs at least 46 nodes (fewer than the offered load can never keep
     * up), more than the 32 the bounds allow; N+1 is of that configuration, at the peak it can place.
     */
    @Test
    void anUndersizedClusterGetsTheBestWithinItsNodesAndTheNodesThatWouldMeet() throws IOException {
        Scenario s = load("""
                name: undersized
                seed: 3
                service: {serviceTime: {distribution: lognormal, mean: 500ms, p99: 2s}, startup: 2m, resources: {cpu: 4, memoryGb: 24, gpu: 1}}
                autoscaler: {policy: azureml, minReplicas: 4, maxReplicas: 80, targetUtilization: 0.7}
                cluster: {nodePools: [{name: gpu, count: 8, cpu: 6, memoryGb: 56, gpu: 1}]}
                traffic: {duration: 10m, profile: [{at: 0s, rps: 5}, {at: 2m, rps: 90}, {at: 8m, rps: 5}]}
                slo: {max503Fraction: 0.001}
                cost: {perReplicaHour: 0.9}
                """);
        Recommendation r = Recommender.recommend(s, 2, Progress.NONE);
        String why = r.impossible().orElseThrow();
        assertTrue(why.contains("hold only 32 replicas") && why.contains("45 replicas are busy") && why.contains("asks for 65"), why);
        Shortfall f = r.shortfall().orElseThrow();
        Config within = f.withinNodes().config();
        assertEquals(r.current().config().nodes(), within.nodes(), "the given nodes");
        assertEquals(8, within.minReplicas(), "every replica the nodes hold, warm");
        assertTrue(f.withinNodes().evaluation().rejected503Fraction() <= r.current().evaluation().rejected503Fraction(),
                "more warm replicas never reject more (common random numbers)");
        Alternative meeting = f.meeting().orElseThrow();
        assertTrue(meeting.evaluation().meetsSlo());
        int nodes = meeting.config().nodes().get("gpu");
        assertTrue(nodes >= 46 && nodes > 32, "nodes beyond the search's cap and above the offered load: " + nodes);
        NPlusOne n = r.nPlusOne().get(0);
        assertEquals(NPlusOne.Basis.MEETING, n.basis());
        assertEquals(nodes, n.nodesNow(), n.sentence());
        assertTrue(n.peakReplicas() <= nodes, "the peak it names fits the nodes it names: " + n.sentence());
        assertEquals(n.peakReplicas() + 1, n.nodes(), n.sentence());
        assertFalse(n.sentence().contains("recommended"), n.sentence());
        assertTrue(f.sentences().get(1).contains("nodes in pool gpu 8 → " + nodes), f.sentences().toString());
    }

    @Test
    void nPlusOneAddsOneNodeToWhatThePeakNeeds() throws IOException {
        Scenario s = load("""
                name: gpu
                seed: 6
                service: {serviceTime: 500ms, startup: 20s, resources: {cpu: 1, memoryGb: 2, gpu: 1}}
                autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 10}
                cluster: {nodePools: [{name: gpu, count: 10, cpu: 8, memoryGb: 32, gpu: 2}]}
                traffic: {duration: 5m, profile: [{at: 0s, rps: 7}]}
                slo: {max503Fraction: 0.01}
                """);
        Recommendation r = Recommender.recommend(s, 2, Progress.NONE);
        NPlusOne n = r.nPlusOne().get(0);
        assertEquals(2, n.replicasPerNode());
        assertEquals((n.peakReplicas() + 1) / 2 + 1, n.nodes(), n.sentence());
        assertEquals(NPlusOne.Basis.RECOMMENDED, n.basis());
        assertEquals(r.best().orElseThrow().config().nodes().get("gpu"), n.nodesNow(), n.sentence());
    }

    /**
     * Launch day (issue 14): the step to 40 rps at 10:00 needs ~46 warm replicas for the 90 s startup, but only around
     * the step. A scheduled floor from one startup before the largest window to one after it meets the SLO on every
     * seed for less than the permanent minReplicas 46, and holds on fresh seeds.
     */
    @Test
    void launchDayGetsAScheduledFloorCheaperThanAPermanentWarmPool() {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/launch-day.yaml"));
        Recommendation r = Recommender.recommend(s, 5, Progress.NONE);
        Alternative best = r.best().orElseThrow();
        assertFalse(best.config().floors().isEmpty(), "best " + best.changes());
        var floor = best.config().floors().floors().get(0);
        assertTrue(floor.fromSecond() < 600 - 90 && floor.toSecond() > 600, "ready before the 10:00 step: " + floor);
        Alternative permanent = r.alternatives().stream().filter(a -> a.config().floors().isEmpty() && a.evaluation().meetsSlo())
                .findFirst().orElseThrow();
        assertTrue(best.evaluation().cost() < permanent.evaluation().cost(), best.changes() + " vs " + permanent.changes());
        assertTrue(best.reason().contains("gives a warm pool only around the"), best.reason());
        Scenario chosen = best.config().applyTo(s);
        for (long seed : RunSpread.seeds(123_456_789L, 3)) {
            assertTrue(Simulator.run(chosen.withSeed(seed)).summary().sloMet(), "fresh seed " + seed + " with " + best.changes());
        }
    }

    /**
     * Screened by the fast engine, launch day's recommendation is still one the discrete-event engine confirmed: the
     * fast engine's stationary estimate wants fewer warm replicas right after the step than DES does, so its first
     * candidates fail under DES and get the margin; whatever is recommended met every DES seed and holds on fresh ones.
     */
    @Test
    void aFastScreeningRecommendsOnlyWhatTheDiscreteEventEngineConfirmed() {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/launch-day.yaml"));
        Recommendation r = Recommender.recommend(s, 5, SimulationEngine.FAST, Progress.NONE);
        assertEquals(SimulationEngine.FAST, r.screen());
        Alternative best = r.best().orElseThrow();
        assertEquals(SimulationEngine.DES, best.evaluation().engine());
        assertEquals(5, best.evaluation().runs(), "confirmed on every seed");
        assertEquals(SimulationEngine.DES, r.current().evaluation().engine(), "the current row is judged by DES too");
        assertEquals(2, r.current().evaluation().runs(), "dropped after the first pair of seeds, both of which miss");
        assertTrue(r.alternatives().stream().anyMatch(a -> a.evaluation().engine() == SimulationEngine.FAST),
                "the screening's other estimates are listed, marked");
        Scenario chosen = best.config().applyTo(s);
        for (long seed : RunSpread.seeds(55_555L, 3)) {
            assertTrue(Simulator.run(chosen.withSeed(seed)).summary().sloMet(), "fresh seed " + seed + " with " + best.changes());
        }
    }

    /**
     * Without the confirmation the fast engine judges every configuration on all the usual seeds, its verdicts are
     * the answer, and no discrete-event run happens; the search is the same one a confirmed search screens with.
     */
    @Test
    void aFastSearchWithoutConfirmationIsJudgedByTheFastEngineOnEverySeed() {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/launch-day.yaml"));
        Recommendation r = Recommender.recommend(s, 5, SimulationEngine.FAST, false, Progress.NONE);
        assertEquals(SimulationEngine.FAST, r.judge());
        assertEquals(0, r.requestsSimulated(), "no discrete-event run");
        assertTrue(Stream.concat(Stream.of(r.current()), r.alternatives().stream()).allMatch(a -> a.evaluation().engine() == SimulationEngine.FAST));
        Alternative best = r.best().orElseThrow();
        assertEquals(5, best.evaluation().runs(), "judged on every seed");
        assertEquals(5, best.evaluation().runsMeetingSlo());
        Recommendation confirmed = Recommender.recommend(s, 5, SimulationEngine.FAST, Progress.NONE);
        assertEquals(SimulationEngine.DES, confirmed.judge());
    }

    @Test
    void theSameInputsGiveTheSameRecommendation() throws IOException {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/gpu-cluster-full.yaml"));
        assertEquals(Recommender.recommend(s, 3, Progress.NONE), Recommender.recommend(s, 3, Progress.NONE));
    }
    /**
     * A static deployment of 30 one-slot replicas for 10 Erlangs (exponential 1 s requests, 10 rps,
     * the 500 ms router queue) is oversized: Erlang C's P(W &gt; 0.5 s) = C(c, 10)·e^{−(c − 10)·0.5}
     * (an upper bound of the M/M/c+D 503 share) first falls below the 0.1 % objective at c*, so the
     * recommendation is a static count near c* (one below it for the bound's slack, two above it for
     * five seeds that must all meet), never the 30 it has. Static scenarios used to crash recommend.
     */
    @Test
    void anOversizedStaticDeploymentShrinksToErlangCsCount() throws IOException {
        Scenario s = load("""
                name: static oversized
                seed: 9
                service: {serviceTime: {distribution: exponential, mean: 1s}, startup: 30s}
                autoscaler: {policy: static, replicas: 30}
                traffic: {duration: 20m, profile: [{at: 0s, rps: 10}]}
                slo: {max503Fraction: 0.001}
                """);
        Recommendation r = Recommender.recommend(s, 5, Progress.NONE);
        assertTrue(r.current().evaluation().meetsSlo());
        Alternative best = r.best().orElseThrow();
        assertTrue(best.config().isStatic(), "a static policy stays static: " + best.config());
        int smallest = 11;
        while (erlangC(smallest, 10) * Math.exp(-(smallest - 10) * 0.5) > 0.001) {
            smallest++;
        }
        int c = best.config().minReplicas();
        assertTrue(c >= smallest - 1 && c <= smallest + 2, "recommended " + c + " replicas, Erlang C needs " + smallest);
    }

    /** Erlang C: the probability that an arrival waits at c servers and a Erlangs (a &lt; c), from Erlang B's recursion. */
    private static double erlangC(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b / (1 - a / c * (1 - b));
    }
}
