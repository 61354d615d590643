package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.Optional;

/** Knative scenarios built in code, with the data path the loader gives {@code policy: knative}. */
final class KnativeScenarios {
    private KnativeScenarios() {
    }

    /** A spec with upstream's defaults and these bounds, initial scale, TBC and revision timeout. */
    static KnativeSpec spec(int min, int max, int initial, int cc, double tbc, Duration timeout) {
        KnativeSpec d = KnativeSpec.defaults(min, max, cc);
        return new KnativeSpec(min, max, initial, cc, d.target(), d.targetUtilization(), tbc, d.stableWindow(), d.panicWindow(),
                d.panicThreshold(), d.maxScaleUpRate(), d.maxScaleDownRate(), d.scaleDownDelay(), d.activationScale(),
                d.scaleToZeroGracePeriod(), d.tickInterval(), timeout);
    }

    static Scenario scenario(String name, long seed, DistributionSpec serviceTime, Duration startup, KnativeSpec k, Traffic traffic) {
        Service service = new Service(serviceTime, k.containerConcurrency(), Duration.ZERO, k.timeout(), 0,
                new ConstantDistribution(startup), 0, Resources.DEFAULT).withRouting(new Routing(Routing.Mode.KNATIVE, k.queueProxyDepth()));
        return TestScenarios.scenario(name, seed, service, k, Optional.empty(), traffic);
    }
}
