package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast engine against DES (the means of {@link EngineSuite#RUNS} seeds each) on every example and the
 * built-in cases, with the tolerances of {@link EngineComparison}: 503 fraction within 15 % or 0.1
 * percentage point, every DES window found with its onset within 2 s, replica-hours within 5 %.
 * The cases that miss are the README's known weaknesses; for them the test pins which
 * measures miss (so an improvement, or a new miss, shows up here and the README is corrected) and that
 * the others still meet their tolerance.
 */
class FastEngineAccuracyTest {
    /** Scenario name → the measures it misses, as the README's accuracy table states. */
    private static final Map<String, Set<String>> KNOWN_WEAK = Map.ofEntries(
            Map.entry("replica cap", Set.of("windows")),
            Map.entry("reference scenario", Set.of("windows")),
            Map.entry("cpu cluster fills", Set.of("windows")),
            Map.entry("gpu node autoscaling", Set.of("windows")),
            Map.entry("hpa ramp, random routing", Set.of("windows")),
            Map.entry("slowdown ramp", Set.of("windows")));

    static Stream<Scenario> suite() {
        List<Scenario> all = new ArrayList<>();
        for (String example : EngineSuite.EXAMPLES) {
            all.add(ScenarioLoader.load(Path.of("..", "scenarios", example)));
        }
        all.addAll(EngineSuite.builtIn());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void fastEngineMeetsTheToleranceOrMissesOnlyItsKnownMeasure(Scenario scenario) {
        EngineComparison c = EngineComparison.of(scenario, EngineSuite.RUNS);
        Set<String> weak = KNOWN_WEAK.getOrDefault(scenario.name(), Set.of());
        String facts = String.format(java.util.Locale.ROOT, "503 des %.5f fast %.5f; onsets %s errors %s; replica-hours des %.3f fast %.3f",
                c.des503Fraction(), c.fast503Fraction(), c.desOnsets(), c.fastOnsetErrors(), c.desReplicaHours(), c.fastReplicaHours());
        assertEquals(!weak.contains("503"), c.meets503(), "503 fraction: " + facts);
        assertEquals(!weak.contains("windows"), c.meetsWindows(), "windows: " + facts);
        assertEquals(!weak.contains("replicaHours"), c.meetsReplicaHours(), "replica-hours: " + facts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void fastEngineIsDeterministic(Scenario scenario) {
        SimulationResult a = Simulator.run(scenario, SimulationEngine.FAST);
        SimulationResult b = Simulator.run(scenario, SimulationEngine.FAST);
        assertEquals(a, b);
        assertEquals("fast", a.summary().engine());
        assertTrue(a.timeline().size() == scenario.traffic().seconds());
    }
}
