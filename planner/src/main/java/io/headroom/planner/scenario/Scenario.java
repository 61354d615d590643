package io.headroom.planner.scenario;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.traffic.Traffic;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario file, loaded and validated: the service, its autoscaler, the cluster it runs on, the
 * traffic it faces, its SLOs, its cost and what a load test's requests look like. {@code source}
 * names the file it came from.
 */
public record Scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster,
        Traffic traffic, Slo slo, Optional<Cost> cost, RequestSpec request, String source) {
    /** A scenario whose load tests send plain GET requests. */
    public Scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster, Traffic traffic,
            Slo slo, Optional<Cost> cost, String source) {
        this(name, seed, service, autoscaler, cluster, traffic, slo, cost, RequestSpec.DEFAULT, source);
    }

    public Scenario {
        Objects.requireNonNull(request, "request");
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
        return new Scenario(name, newSeed, service, autoscaler, cluster, traffic, slo, cost, request, source);
    }

    /** The same scenario with another autoscaler. */
    public Scenario withAutoscaler(AutoscalerSpec newAutoscaler) {
        return new Scenario(name, seed, service, newAutoscaler, cluster, traffic, slo, cost, request, source);
    }
}
