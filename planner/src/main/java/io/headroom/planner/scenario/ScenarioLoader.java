package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.FRACTION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.TEXT;
import static io.headroom.planner.scenario.ValueKind.WHOLE_NUMBER;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.traffic.Traffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Loads a scenario file (YAML {@code .yaml}/{@code .yml}, or JSON {@code .json}) and validates it
 * once. Every mistake is an {@link InvalidInputException} whose one-line message reads
 * {@code <rule> but was <value> (<file>:<line>:<column>)}. {@code scenarios/reference.yaml}
 * documents every key, default and unit; the binders of each section list them too
 * ({@link ServiceBinder}, {@link AutoscalerBinder}, {@link TrafficBinder}, {@link DistributionBinder}).
 *
 * <p>Top level: {@code name} (required), {@code seed} (default 1), {@code service} (required),
 * {@code autoscaler} (default azureml with its defaults), {@code cluster} (optional: without it
 * capacity is unlimited; {@link ClusterBinder}), {@code traffic} (required), {@code slo} (optional:
 * {@code max503Fraction} in [0, 1], {@code latency: {p50, p90, p99}}), {@code cost} (optional:
 * {@code perReplicaHour} &gt;= 0). Files a scenario names resolve against its directory.
 */
public final class ScenarioLoader {
    static final long DEFAULT_SEED = 1;
    /** A header name: an HTTP token (RFC 9110). */
    static final String HEADER_NAME = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
    /** A currency code or sign. */
    static final String CURRENCY = "[A-Za-z$€£¥]{1,8}";
    private static final Keys LATENCY_KEYS = Keys.of(
            optional("p50", DURATION, "the largest acceptable median latency of answered requests"),
            optional("p90", DURATION, "the largest acceptable 90th percentile latency of answered requests"),
            optional("p99", DURATION, "the largest acceptable 99th percentile latency of answered requests"));
    private static final Keys SLO_KEYS = Keys.of(
            optional("max503Fraction", FRACTION, "the largest acceptable fraction of 503 answers"),
            optional("latency", new ValueKind.Nested(LATENCY_KEYS), "latency percentiles of answered requests"));
    private static final Keys COST_KEYS = Keys.of(
            required("perReplicaHour", NUMBER, "currency per replica-hour, starting or ready"),
            optional("currency", new ValueKind.TextMatching(CURRENCY), "a code or sign of 1-8 letters, e.g. USD; labels costs"));
    private static final Keys REQUEST_KEYS = Keys.of(
            optional("method", new ValueKind.Choice(List.of("GET", "POST"), true), "GET, or POST (the default with a body)"),
            optional("body", TEXT, "the request body (or give bodyFile)"),
            optional("bodyFile", TEXT, "a file holding the request body, against this file's directory (or give body)"),
            optional("headers", new ValueKind.TextMap(HEADER_NAME), "name: value, sent with every request; never a secret"));
    /** The top level of a scenario file; every other map's keys hang from here. */
    static final Keys KEYS = Keys.of(
            required("name", TEXT, "the scenario's name"),
            optional("seed", WHOLE_NUMBER, "the random seed: same seed, same output"),
            required("service", new ValueKind.Nested(ServiceBinder.KEYS), "the service behind the autoscaler"),
            optional("autoscaler", AutoscalerRegistry.POLICIES, "the autoscaler; default azureml with its defaults"),
            optional("cluster", new ValueKind.Nested(ClusterBinder.KEYS), "the nodes replicas are placed on; without it, no limit"),
            required("traffic", new ValueKind.Nested(TrafficBinder.KEYS), "the offered load"),
            optional("slo", new ValueKind.Nested(SLO_KEYS), "service level objectives, each optional"),
            optional("cost", new ValueKind.Nested(COST_KEYS), "what a replica costs"),
            optional("request", new ValueKind.Nested(REQUEST_KEYS), "what loadtest and validate send"));

    private ScenarioLoader() {
    }

    /**
     * Reads, binds and validates {@code file} under the default {@link LoadLimits}.
     *
     * @throws InvalidInputException for a file that cannot be read, is malformed or breaks a rule
     */
    public static Scenario load(Path file) {
        return load(file, LoadLimits.DEFAULT);
    }

    /**
     * Reads, binds and validates {@code file}, and refuses a scenario that asks for more than
     * {@code limits} allow (work that cannot finish, side files outside its folder).
     *
     * @throws InvalidInputException for a file that cannot be read, is malformed, breaks a rule or a limit
     */
    public static Scenario load(Path file, LoadLimits limits) {
        Node root = NodeReader.read(file, "scenario file");
        ScenarioFolder dir = ScenarioFolder.of(file, limits.allowOutsideFiles());
        Section s = Section.of(root, "", KEYS);
        String name = s.requiredString("name");
        if (name.isBlank()) {
            throw Section.error("name must not be blank", s.required("name"));
        }
        long seed = s.node("seed").map(n -> Section.integer(n, "seed")).orElse(DEFAULT_SEED);
        Service bound = ServiceBinder.bind(s.required("service"), dir);
        AutoscalerSpec autoscaler = AutoscalerBinder.bind(s.node("autoscaler"), bound);
        Service service = KnativeBinder.dataPath(autoscaler, bound, Section.of(s.required("service"), "service", ServiceBinder.KEYS));
        checkSlots(s, autoscaler, service);
        Optional<Cluster> cluster = s.section("cluster", ClusterBinder.KEYS).map(c -> ClusterBinder.bind(c, dir));
        Traffic traffic = TrafficBinder.bind(s.required("traffic"), dir, limits);
        Slo slo = s.section("slo", SLO_KEYS).map(ScenarioLoader::slo).orElse(Slo.NONE);
        Optional<Cost> cost = s.section("cost", COST_KEYS).map(ScenarioLoader::cost);
        RequestSpec request = s.section("request", REQUEST_KEYS).map(r -> request(r, dir)).orElse(RequestSpec.DEFAULT);
        Schedule schedule = ScheduleBinder.bind(s.node("autoscaler"), autoscaler, traffic);
        return Section.build(() -> new Scenario(name, seed, service, autoscaler, cluster, traffic, slo, cost, request,
                file.toString(), schedule), "", s.location());
    }

    /**
     * Refuses more than {@link LoadLimits#MAX_SLOTS} concurrency slots at the replica cap: the counts
     * of requests in flight (and their integrals over a metric bucket, in nanosecond units) must stay
     * exact in a {@code long}. Located at the replica cap's key, else at {@code service.concurrency}.
     */
    private static void checkSlots(Section s, AutoscalerSpec autoscaler, Service service) {
        long slots = (long) autoscaler.maxReplicas() * service.concurrency();
        if (slots <= LoadLimits.MAX_SLOTS) {
            return;
        }
        String rule = "autoscaler.maxReplicas x service.concurrency must be <= " + LoadLimits.MAX_SLOTS
                + " concurrency slots (the most a simulation counts exactly)";
        String value = String.format(java.util.Locale.ROOT, "%d (%d replicas x %d)", slots, autoscaler.maxReplicas(),
                service.concurrency());
        Node at = s.required("service");
        if (at instanceof Node.MapNode m && m.fields().containsKey("concurrency")) {
            at = m.fields().get("concurrency").value();
        }
        if (s.node("autoscaler").orElse(null) instanceof Node.MapNode a) {
            Node.Field cap = a.fields().containsKey("maxReplicas") ? a.fields().get("maxReplicas") : a.fields().get("replicas");
            at = cap != null ? cap.value() : a;
        }
        throw Section.error(rule, value, at.location());
    }

    private static Slo slo(Section s) {
        OptionalDouble max503 = s.has("max503Fraction") ? OptionalDouble.of(s.fraction("max503Fraction", 0))
                : OptionalDouble.empty();
        Optional<Section> latency = s.section("latency", LATENCY_KEYS);
        Optional<Duration> p50 = latency.flatMap(l -> l.node("p50").map(n -> Section.duration(n, l.path("p50"))));
        Optional<Duration> p90 = latency.flatMap(l -> l.node("p90").map(n -> Section.duration(n, l.path("p90"))));
        Optional<Duration> p99 = latency.flatMap(l -> l.node("p99").map(n -> Section.duration(n, l.path("p99"))));
        return Section.build(() -> new Slo(max503, p50, p90, p99), "slo", s.location());
    }

    private static RequestSpec request(Section s, ScenarioFolder dir) {
        String method = s.node("method").map(n -> {
            String m = Section.string(n, s.path("method")).toUpperCase(java.util.Locale.ROOT);
            if (!m.equals("GET") && !m.equals("POST")) {
                throw Section.error(s.path("method") + " must be GET or POST", n);
            }
            return m;
        }).orElse(null);
        if (s.has("body") && s.has("bodyFile")) {
            throw Section.error(s.path("body") + " and " + s.path("bodyFile") + " exclude each other; give one", s.required("bodyFile"));
        }
        String body = s.node("body").map(n -> Section.string(n, s.path("body"))).orElse(null);
        if (s.has("bodyFile")) {
            body = String.join("\n", SideFile.resolve(dir, s.required("bodyFile"), s.path("bodyFile")).lines());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (s.has("headers")) {
            for (Node.Field f : Section.asMap(s.required("headers"), s.path("headers")).fields().values()) {
                if (!f.key().matches(HEADER_NAME)) {
                    throw Section.error(s.path("headers") + " names must be tokens (letters, digits, !#$%&'*+-.^_`|~)",
                            io.headroom.planner.Excerpt.quoted(f.key()), f.keyLocation());
                }
                String path = s.path("headers") + "." + f.key();
                String value = Section.string(f.value(), path);
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7f) {
                        throw Section.error(path + " must not hold CR, LF or other control characters (each would add a"
                                + " header line to every request)", String.format(java.util.Locale.ROOT,
                                        "a value with \\u%04x at character %d", (int) c, i + 1), f.value().location());
                    }
                }
                headers.put(f.key(), value);
            }
        }
        String finalBody = body;
        return Section.build(() -> new RequestSpec(method, finalBody, headers), "request", s.location());
    }

    private static Cost cost(Section s) {
        double perReplicaHour = s.nonNegative("perReplicaHour", 0);
        Optional<String> currency = s.node("currency").map(n -> {
            String c = Section.string(n, s.path("currency"));
            if (!c.matches(CURRENCY)) {
                throw Section.error(s.path("currency") + " must be a currency code or sign of 1 to 8 letters, e.g. USD", n);
            }
            return c;
        });
        return Section.build(() -> new Cost(perReplicaHour, currency), "cost", s.location());
    }
}
