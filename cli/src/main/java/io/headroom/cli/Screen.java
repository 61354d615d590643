package io.headroom.cli;

import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SimulationEngine;

/** {@code --screen}: the engine recommend searches on ({@code auto} leaves it to {@link Recommender#screenFor}). */
enum Screen {
    auto, des, fast;

    SimulationEngine engineFor(Scenario scenario) {
        return switch (this) {
            case auto -> Recommender.screenFor(scenario);
            case des -> SimulationEngine.DES;
            case fast -> SimulationEngine.FAST;
        };
    }
}
