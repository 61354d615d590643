package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.FRACTION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.WHOLE_NUMBER;
import static io.headroom.planner.scenario.ValueKind.choice;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Binds {@code service}. Defaults (Azure ML's where it documents one): concurrency 1
 * ({@code replica_max_concurrent_requests}), maxQueueWait 500ms ({@code max_request_wait_time}),
 * timeout 60s ({@code scoring_timeout_ms}), errorRate 0, startup 90s (constant), startupFailureRate 0,
 * resources cpu 1, memoryGb 2, gpu 0, cpuUsage perBusySlot {@code resources.cpu / concurrency} and idle 0
 * ({@link CpuUsage}), routing central-queue (replicaQueueLimit 100 for the per-replica modes, {@link Routing}),
 * slowdown 0 ({@link Service#slowdownFactor}).
 * {@code serviceTime} is required.
 */
final class ServiceBinder {
    private static final List<String> ROUTING_MODES = Arrays.stream(Routing.Mode.values()).map(Routing.Mode::key).toList();
    static final Keys RESOURCE_KEYS = Keys.of(
            optional("cpu", NUMBER, "cores one replica requests from its node"),
            optional("memoryGb", NUMBER, "GB of memory one replica requests from its node"),
            optional("gpu", WHOLE_NUMBER, "whole GPUs one replica requests from its node"));
    static final Keys CPU_USAGE_KEYS = Keys.of(
            optional("perBusySlot", NUMBER, "cores a replica uses per request in service (what an hpa on cpu measures)"),
            optional("idle", NUMBER, "cores a replica uses while it serves nothing"));
    static final Keys KEYS = Keys.of(
            required("serviceTime", DistributionBinder.DURATION_OR_DISTRIBUTION,
                    "how long one request holds a concurrency slot: a duration, or a distribution map"),
            optional("concurrency", WHOLE_NUMBER, "requests one replica serves at once (replica_max_concurrent_requests)"),
            optional("maxQueueWait", DURATION, "how long a request waits in the router's queue before a 503"),
            optional("timeout", DURATION, "how long a request may take before a 504 (scoring_timeout_ms)"),
            optional("errorRate", FRACTION, "fraction of requests that fail in the service (502)"),
            optional("startup", DistributionBinder.DURATION_OR_DISTRIBUTION,
                    "from a scale-up decision to a ready replica: a duration, or a distribution map"),
            optional("startupFailureRate", FRACTION, "fraction of new replicas whose startup fails"),
            optional("resources", new ValueKind.Nested(RESOURCE_KEYS), "what one replica requests from a node"),
            optional("cpuUsage", new ValueKind.Nested(CPU_USAGE_KEYS), "the CPU a replica uses, as an hpa on cpu measures it"),
            optional("routing", choice(ROUTING_MODES),
                    "how requests reach replicas: azureml-fe's central queue, or a balancer with a queue per replica"),
            optional("replicaQueueLimit", WHOLE_NUMBER, "requests one replica's queue holds before a 503 (per-replica routing)"),
            optional("slowdown", NUMBER, "each other request in flight on the replica when one starts adds this fraction to its"
                    + " service time (GPU batching); >= 0, default 0"));
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
        double slowdown = s.nonNegative("slowdown", 0);
        return Section.build(() -> new Service(serviceTime, concurrency, maxQueueWait, timeout, errorRate, startup,
                startupFailureRate, resources, cpuUsage, routing, slowdown), "service", s.location());
    }

    private static Routing routing(Section s) {
        Routing.Mode mode = Routing.Mode.CENTRAL_QUEUE;
        if (s.has("routing")) {
            String name = Section.string(s.required("routing"), s.path("routing"));
            mode = Routing.Mode.of(name);
            if (mode == null) {
                throw Section.error("service.routing must be one of " + String.join(", ", ROUTING_MODES),
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
