package io.headroom.planner.scenario;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.traffic.Traffic;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario file, loaded and validated: the service, its autoscaler, the cluster it runs on, the
 * traffic it faces, its SLOs, its cost and what a load test's requests look like. {@code source}
 * names the file it came from; {@code schedule} holds the scheduled floors every policy honours
 * ({@code autoscaler.schedule}).
 */
public record Scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster,
        Traffic traffic, Slo slo, Optional<Cost> cost, RequestSpec request, String source, Schedule schedule) {
    /** A scenario without scheduled floors. */
    public Scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster, Traffic traffic,
            Slo slo, Optional<Cost> cost, RequestSpec request, String source) {
        this(name, seed, service, autoscaler, cluster, traffic, slo, cost, request, source, Schedule.NONE);
    }

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
        Objects.requireNonNull(schedule, "schedule");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, service, autoscaler, cluster, traffic, slo, cost, request, source, schedule);
    }

    /** The same scenario with another autoscaler. */
    public Scenario withAutoscaler(AutoscalerSpec newAutoscaler) {
        return new Scenario(name, seed, service, newAutoscaler, cluster, traffic, slo, cost, request, source, schedule);
    }

    /** The same scenario with other SLOs. */
    public Scenario withSlo(Slo newSlo) {
        return new Scenario(name, seed, service, autoscaler, cluster, traffic, newSlo, cost, request, source, schedule);
    }

    /** The same scenario with another autoscaler, cluster and schedule (a configuration a recommendation tries). */
    public Scenario with(AutoscalerSpec newAutoscaler, Optional<Cluster> newCluster, Schedule newSchedule) {
        return new Scenario(name, seed, service, newAutoscaler, newCluster, traffic, slo, cost, request, source, newSchedule);
    }
}
