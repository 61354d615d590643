package io.headroom.planner.scenario;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import java.time.Duration;
import java.util.List;

/**
 * Binds {@code service}. Defaults (Azure ML's where it documents one): concurrency 1
 * ({@code replica_max_concurrent_requests}), maxQueueWait 500ms ({@code max_request_wait_time}),
 * timeout 60s ({@code scoring_timeout_ms}), errorRate 0, startup 90s (constant), startupFailureRate 0,
 * resources cpu 1, memoryGb 2, gpu 0, cpuUsage perBusySlot {@code resources.cpu / concurrency} and idle 0
 * ({@link CpuUsage}), routing central-queue (replicaQueueLimit 100 for the per-replica modes, {@link Routing}).
 * {@code serviceTime} is required.
 */
final class ServiceBinder {
    static final List<String> KEYS = List.of("serviceTime", "concurrency", "maxQueueWait", "timeout", "errorRate", "startup",
            "startupFailureRate", "resources", "cpuUsage", "routing", "replicaQueueLimit");
    static final List<String> CPU_USAGE_KEYS = List.of("perBusySlot", "idle");
    static final List<String> RESOURCE_KEYS = List.of("cpu", "memoryGb", "gpu");
    static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofMillis(500);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_STARTUP = Duration.ofSeconds(90);

    private ServiceBinder() {
    }

    static Service bind(Node node, ScenarioFolder folder) {
        Section s = Section.of(node, "service", KEYS);
        DistributionSpec serviceTime = DistributionBinder.bind(s.required("serviceTime"), s.path("serviceTime"), folder);
        int concurrency = s.intAtLeast("concurrency", 1, 1);
        Duration maxQueueWait = s.duration("maxQueueWait", DEFAULT_MAX_QUEUE_WAIT);
        Duration timeout = s.positiveDuration("timeout", DEFAULT_TIMEOUT);
        double errorRate = s.fraction("errorRate", 0);
        DistributionSpec startup = s.node("startup")
                .map(n -> DistributionBinder.bind(n, s.path("startup"), folder))
                .orElse(new ConstantDistribution(DEFAULT_STARTUP));
        double startupFailureRate = s.fraction("startupFailureRate", 0);
        Resources resources = s.section("resources", RESOURCE_KEYS).map(ServiceBinder::resources).orElse(Resources.DEFAULT);
        CpuUsage cpuUsage = s.section("cpuUsage", CPU_USAGE_KEYS).map(c -> cpuUsage(c, resources, concurrency))
                .orElse(CpuUsage.fullRequest(resources.cpu(), concurrency));
        Routing routing = routing(s);
        return Section.build(() -> new Service(serviceTime, concurrency, maxQueueWait, timeout, errorRate, startup,
                startupFailureRate, resources, cpuUsage, routing), "service", s.location());
    }

    private static Routing routing(Section s) {
        Routing.Mode mode = Routing.Mode.CENTRAL_QUEUE;
        if (s.has("routing")) {
            String name = Section.string(s.required("routing"), s.path("routing"));
            mode = Routing.Mode.of(name);
            if (mode == null) {
                throw Section.error("service.routing must be one of central-queue, round-robin, random, least-in-flight",
                        s.required("routing"));
            }
        }
        if (mode == Routing.Mode.CENTRAL_QUEUE && s.has("replicaQueueLimit")) {
            throw Section.error("service.replicaQueueLimit applies to per-replica routing (round-robin, random, least-in-flight),"
                    + " not to central-queue", s.required("replicaQueueLimit"));
        }
        int limit = s.intAtLeast("replicaQueueLimit", Routing.DEFAULT_REPLICA_QUEUE_LIMIT, 0);
        Routing.Mode chosen = mode;
        return Section.build(() -> new Routing(chosen, limit), s.path("routing"), s.location());
    }

    private static CpuUsage cpuUsage(Section c, Resources resources, int concurrency) {
        CpuUsage d = CpuUsage.fullRequest(resources.cpu(), concurrency);
        double perBusySlot = c.nonNegative("perBusySlot", d.perBusySlotCores());
        double idle = c.nonNegative("idle", d.idleCores());
        return Section.build(() -> new CpuUsage(perBusySlot, idle), c.path(), c.location());
    }

    private static Resources resources(Section r) {
        double cpu = r.nonNegative("cpu", Resources.DEFAULT.cpu());
        double memoryGb = r.nonNegative("memoryGb", Resources.DEFAULT.memoryGb());
        int gpu = r.intAtLeast("gpu", Resources.DEFAULT.gpu(), 0);
        return Section.build(() -> new Resources(cpu, memoryGb, gpu), r.path(), r.location());
    }
}
