package io.headroom.planner.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** recommend's Knative knobs: the activator always in the path, a shorter stable window. */
class KnativeTuningTest {
    private static final Path SPIKE = Path.of("../scenarios/knative-panic-spike.yaml");

    @Test
    void eachVariantChangesOneKnobAndAppliesToTheSpec() {
        Scenario s = ScenarioLoader.load(SPIKE);
        KnativeSpec spec = (KnativeSpec) s.autoscaler();
        KnativeTuning now = KnativeTuning.of(spec);
        List<KnativeTuning> variants = now.variants();
        for (KnativeTuning v : variants) {
            assertEquals(1, v.changedSettings(now).size(), v.toString());
            KnativeSpec applied = v.applyTo(spec);
            assertEquals(v.targetBurstCapacity(), applied.targetBurstCapacity());
            assertEquals(v.stableWindow(), applied.stableWindow());
            assertTrue(applied.panicWindow().compareTo(applied.stableWindow()) <= 0, "panic within stable");
        }
        assertTrue(variants.contains(new KnativeTuning(spec.targetBurstCapacity(), Duration.ofSeconds(30))), variants.toString());
    }

    /** The spike example: the knobs are searched, and a listed change that uses one says why, in the scenario's keys. */
    @Test
    void theSpikeExampleIsSearchedWithTheKnobs() {
        Scenario s = ScenarioLoader.load(SPIKE);
        Recommendation r = Recommender.recommend(s, 3, Progress.NONE);
        Alternative tuned = r.alternatives().stream().filter(a -> a.changes().contains("stableWindow")
                || a.changes().contains("targetBurstCapacity")).findFirst().orElseThrow();
        assertTrue(tuned.reason().contains("stableWindow 30s follows the load down sooner")
                || tuned.reason().contains("keeps the activator in the path"), tuned.reason());
        KnativeSpec applied = (KnativeSpec) tuned.config().applyTo(s).autoscaler();
        assertTrue(applied.stableWindow().getSeconds() == 30 || applied.targetBurstCapacity() == -1, applied.toString());
    }
}
