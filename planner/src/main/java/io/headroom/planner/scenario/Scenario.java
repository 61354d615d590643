package io.headroom.planner.scenario;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.traffic.Traffic;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario file, loaded and validated: the service, its autoscaler, the cluster it runs on, the
 * traffic it faces, its SLOs and its cost. {@code source} names the file it came from.
 */
public record Scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster,
        Traffic traffic, Slo slo, Optional<Cost> cost, String source) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(autoscaler, "autoscaler");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(cost, "cost");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, service, autoscaler, cluster, traffic, slo, cost, source);
    }

    /** The same scenario with another autoscaler. */
    public Scenario withAutoscaler(AutoscalerSpec newAutoscaler) {
        return new Scenario(name, seed, service, newAutoscaler, cluster, traffic, slo, cost, source);
    }
}
