package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code autoscaler.schedule}: a floor every policy honours — the deployment is set to at least the floor from its
 * first evaluation in the window to the end of it, and replicas asked for at {@code from} are ready one startup later.
 */
class ScheduledFloorTest {
    private static final Path LAUNCH_DAY = Path.of("../scenarios/launch-day.yaml");
    private static final Path HPA = Path.of("../scenarios/hpa-concurrency.yaml");

    private static Scenario withFloor(Scenario s, long from, long to, int min) {
        return s.with(s.autoscaler(), s.cluster(), new Schedule(List.of(new Schedule.Floor(from, to, min))));
    }

    /**
     * Launch day: 10 warm replicas, a step to 40 rps at 10:00 and 90 s startups. A floor of 46 from 8:00 (one startup
     * and a half before the step) to 12:00 makes 46 replicas ready before the step, so the 10:00 window goes away;
     * it costs less than a permanent minReplicas 46, which holds them for the whole 25 minutes.
     */
    @Test
    void aFloorBeforeTheStepPreventsTheLagWindowForLessThanAPermanentOne() {
        Scenario base = ScenarioLoader.load(LAUNCH_DAY);
        Scenario floored = withFloor(base, 480, 720, 46);
        SimulationResult run = Simulator.run(floored);
        for (TimelineRow r : run.timeline()) {
            if (r.second() >= 481 && r.second() < 720) {
                assertTrue(r.replicas().desired() >= 46, "desired at " + r.second() + " s: " + r.replicas().desired());
            }
            if (r.second() >= 480 + 91 && r.second() < 720) {
                assertTrue(r.replicas().ready() >= 46, "ready one startup after from, at " + r.second() + " s");
            }
        }
        Summary without = Simulator.run(base).summary();
        assertTrue(without.windows().stream().anyMatch(w -> w.startSecond() >= 599 && w.startSecond() <= 610), "the lag window");
        assertFalse(run.summary().windows().stream().anyMatch(w -> w.startSecond() >= 599 && w.startSecond() <= 700),
                "no window after the step: " + run.summary().windows());
        double permanent = Simulator.run(base.withAutoscaler(((io.headroom.planner.autoscaler.AzureMlSpec) base.autoscaler())
                .with(46, 120, 0.7))).summary().cost();
        assertTrue(run.summary().cost() < permanent, run.summary().cost() + " vs permanent " + permanent);
    }

    /** An hpa honours the floor too (the cron scaler's desired count joins the HPA's maximum), at its sync period. */
    @Test
    void anHpaHonoursTheFloorAtItsSyncs() {
        Scenario base = ScenarioLoader.load(HPA);
        SimulationResult run = Simulator.run(withFloor(base, 60, 240, 40));
        long sync = base.autoscaler().newPolicy().evaluationInterval().getSeconds();
        for (TimelineRow r : run.timeline()) {
            if (r.second() >= 60 + sync && r.second() < 240) {
                assertTrue(r.replicas().desired() >= 40, "desired at " + r.second() + " s: " + r.replicas().desired());
            }
        }
        SimulationResult without = Simulator.run(base);
        // each row samples the end of its second, so row 59 already shows the sync at 60 s
        assertTrue(without.timeline().subList(0, 59).equals(run.timeline().subList(0, 59)), "before from the run is the floorless one");
        assertTrue(without.timeline().subList(60 + (int) sync, 240).stream().anyMatch(r -> r.replicas().desired() < 40),
                "the floor is what holds 40 (without it the hpa asks for fewer)");
    }

    @Test
    void floorsInForceTakeTheLargestAndEndAtTo() {
        Schedule s = new Schedule(List.of(new Schedule.Floor(10, 20, 5), new Schedule.Floor(15, 30, 8)));
        assertEquals(0, s.floorAt(9_999_999_999L));
        assertEquals(5, s.floorAt(10_000_000_000L));
        assertEquals(8, s.floorAt(15_000_000_000L));
        assertEquals(8, s.floorAt(29_999_999_999L));
        assertEquals(0, s.floorAt(30_000_000_000L));
    }
}
