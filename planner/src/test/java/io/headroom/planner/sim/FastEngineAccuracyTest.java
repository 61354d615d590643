package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast engine against DES (mean of {@link EngineSuite#DES_RUNS} seeds) on every example and the
 * built-in cases, with the tolerances of {@link EngineComparison}: 503 fraction within 15 % or 0.1
 * percentage point, every DES window found with its onset within 2 s, replica-hours within 5 %.
 * The cases that miss one are the README's known weaknesses; for them the test pins which measure
 * misses (so an improvement, or a new miss, shows up here and the README is corrected) and that the
 * other two still meet their tolerance.
 */
class FastEngineAccuracyTest {
    /** Scenario name → the one measure it misses, as the README's accuracy table states. */
    private static final Map<String, String> KNOWN_WEAK = Map.of(
            "replica cap", "windows",
            "reference scenario", "windows",
            "ramp to 2000 replicas", "windows",
            "cpu cluster fills", "windows",
            "monday morning replay", "replicaHours",
            "validate spike", "replicaHours",
            "crash-looping replicas", "503");

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
        EngineComparison c = EngineComparison.of(scenario, EngineSuite.DES_RUNS);
        String weak = KNOWN_WEAK.get(scenario.name());
        String facts = String.format(java.util.Locale.ROOT, "503 des %.5f fast %.5f; onsets %s errors %s; replica-hours des %.3f fast %.3f",
                c.des503Fraction(), c.fast503Fraction(), c.desOnsets(), c.fastOnsetErrors(), c.desReplicaHours(), c.fastReplicaHours());
        assertEquals(!"503".equals(weak), c.meets503(), "503 fraction: " + facts);
        assertEquals(!"windows".equals(weak), c.meetsWindows(), "windows: " + facts);
        assertEquals(!"replicaHours".equals(weak), c.meetsReplicaHours(), "replica-hours: " + facts);
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
