package io.headroom.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.dist.Distributions;
import io.headroom.planner.time.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scenarios/headroom.schema.json is what {@link ScenarioSchema} makes of the loader's key
 * declarations, and a real validator (networknt json-schema-validator, draft-07) accepts every
 * shipped scenario with it and rejects what the loader rejects for a key's name or kind.
 */
class ScenarioSchemaTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final Path COMMITTED = SCENARIOS.resolve("headroom.schema.json");
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(ScenarioSchema.json(), InputFormat.JSON);
    private static final String FIRST_LINE = "# yaml-language-server: $schema=headroom.schema.json";

    @TempDir
    Path dir;

    @Test
    void theCommittedSchemaIsTheGeneratedOne() throws IOException {
        List<String> generated = ScenarioSchema.json().lines().toList();
        List<String> committed = Files.readString(COMMITTED).lines().toList();
        int line = 0;
        while (line < generated.size() && line < committed.size() && generated.get(line).equals(committed.get(line))) {
            line++;
        }
        String differs = line < Math.max(generated.size(), committed.size()) ? "line " + (line + 1) + " is "
                + (line < committed.size() ? committed.get(line).strip() : "past its end") + ", the loader's keys give "
                + (line < generated.size() ? generated.get(line).strip() : "no line") : "";
        assertEquals("", differs, "scenarios/headroom.schema.json is out of date with the loader's keys; regenerate it"
                + " from the repository root with: bin/headroom schema > scenarios/headroom.schema.json");
        assertEquals(ScenarioSchema.json(), Files.readString(COMMITTED), "byte for byte, line ends included");
    }

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(yaml.stream().anyMatch(p -> p.endsWith("reference.yaml")), yaml.toString());
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioValidatesAgainstTheSchema(Path file) throws IOException {
        assertEquals(List.of(), errors(Files.readString(file)), file.toString());
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioNamesTheSchemaOnItsFirstLine(Path file) throws IOException {
        assertEquals(FIRST_LINE, Files.readAllLines(file).get(0), file + " must name the schema on its first line");
    }

    /** A scenario the loader accepts, to break one key of at a time. */
    private static final String VALID = """
            name: s
            service:
              serviceTime: {distribution: lognormal, mean: 2s, cv: 0.5}
              startup: 30s
            autoscaler:
              policy: POLICY
            traffic:
              duration: 1m
              profile:
                - {at: 0s, rps: 2}
            request:
              method: post
              headers: {Content-Type: application/json}
            """;

    private static String valid(String policy) {
        return VALID.replace("POLICY", policy);
    }

    @Test
    void theValidBaseIsAcceptedByBoth() throws IOException {
        for (String policy : List.of("azureml", "hpa\n  maxReplicas: 4\n  metric: {type: rps, targetAverage: 5}",
                "static\n  replicas: 3\n  schedule: [{from: '09:00', to: 9h30m, minReplicas: 3}]")) {
            String yaml = valid(policy).replace("  duration: 1m", "  duration: 1m\n  start: 2026-12-01T08:59:00+01:00[Europe/Berlin]")
                    + "cost: {perReplicaHour: 0.9, currency: EUR}\n";
            assertEquals(List.of(), errors(yaml), yaml);
            ScenarioLoader.load(write(yaml));
        }
    }

    /** A broken scenario, what the validator's message must say, and what the loader's must. */
    record Broken(String name, String yaml, String schemaSays, String loaderSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Broken> broken() {
        return Stream.of(
                new Broken("an unknown key", valid("azureml").replace("  startup: 30s", "  startup: 30s\n  warmup: 5s"),
                        "warmup", "unknown key 'warmup' in service"),
                new Broken("an unknown top-level key", valid("azureml") + "budget: 3\n", "budget", "unknown key 'budget'"),
                new Broken("a string where a whole number belongs", valid("static\n  replicas: three"), "replicas",
                        "autoscaler.replicas must be a whole number"),
                new Broken("a bare number where a duration belongs", valid("azureml").replace("startup: 30s", "startup: 30"),
                        "startup", "service.startup needs a unit"),
                new Broken("a duration with its units out of order", valid("azureml").replace("duration: 1m", "duration: 30s1m"),
                        "duration", "largest first"),
                new Broken("a fraction above 1", valid("azureml\n  targetUtilization: 1.5"), "targetUtilization",
                        "autoscaler.targetUtilization must be in (0, 1]"),
                new Broken("a key of another policy", valid("static\n  replicas: 3\n  scaleDownDelay: 60s"), "scaleDownDelay",
                        "key 'scaleDownDelay' in autoscaler is not used by policy static"),
                new Broken("an hpa key under the default azureml", valid("azureml").replace("  policy: azureml\n",
                        "  syncPeriod: 15s\n"), "syncPeriod", "key 'syncPeriod' in autoscaler is not used by policy azureml"),
                new Broken("a policy's required key left out", valid("hpa"), "maxReplicas", "autoscaler.maxReplicas is required"),
                new Broken("an unknown policy", valid("keda"), "policy", "autoscaler.policy must be one of azureml, hpa, knative, static"),
                new Broken("a key of another distribution", valid("azureml").replace("cv: 0.5", "cv: 0.5, value: 2s"),
                        "value", "key 'value' in service.serviceTime is not used by distribution lognormal"),
                new Broken("a distribution map without its distribution", valid("azureml").replace("distribution: lognormal, ",
                        ""), "distribution", "service.serviceTime.distribution is required"),
                new Broken("a required top-level section left out", valid("azureml").replace("name: s\n", ""), "name",
                        "name is required"),
                new Broken("a routing that does not exist", valid("azureml").replace("  startup: 30s",
                        "  startup: 30s\n  routing: sticky"), "routing", "service.routing must be one of"),
                new Broken("a list item with a key of its own", valid("azureml").replace("{at: 0s, rps: 2}",
                        "{at: 0s, rps: 2, hold: 5m}"), "hold", "unknown key 'hold' in traffic.profile[0]"),
                new Broken("a header name that is not a token", valid("azureml").replace("Content-Type", "\"Content Type\""),
                        "Content Type", "request.headers names must be tokens"),
                new Broken("a currency that is not a code or sign", valid("azureml") + "cost: {perReplicaHour: 1, currency: US dollars}\n",
                        "currency", "cost.currency must be a currency code or sign"),
                new Broken("a scheduled floor without its minReplicas", valid("azureml\n  schedule: [{from: 1m, to: 2m}]"),
                        "minReplicas", "autoscaler.schedule[0].minReplicas is required"),
                new Broken("a start that is not a date-time", valid("azureml").replace("  duration: 1m", "  duration: 1m\n  start: 9am"),
                        "start", "traffic.start must be an ISO-8601 date-time"),
                new Broken("a method that is neither GET nor POST", valid("azureml").replace("method: post", "method: PUT"),
                        "method", "request.method must be GET or POST"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void theSchemaRejectsWhatTheLoaderRejectsForAKeysNameOrKind(Broken b) throws IOException {
        List<String> errors = errors(b.yaml());
        assertFalse(errors.isEmpty(), "the schema accepted " + b.name() + ":\n" + b.yaml());
        assertTrue(errors.stream().anyMatch(e -> e.contains(b.schemaSays())), b.schemaSays() + " not in " + errors);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(write(b.yaml())));
        assertTrue(e.getMessage().contains(b.loaderSays()), e.getMessage());
    }

    @Test
    void everyRegisteredPolicyAndDistributionIsABranchOfTheSchema() throws IOException {
        String schema = ScenarioSchema.json();
        for (String name : AutoscalerRegistry.names()) {
            assertTrue(schema.contains("\"const\": \"" + name + "\""), "no schema branch for policy " + name);
        }
        for (String name : Distributions.NAMES) {
            assertTrue(schema.contains("\"const\": \"" + name + "\""), "no schema branch for distribution " + name);
        }
        assertEquals(List.copyOf(DistributionBinder.VARIANTS.variants().keySet()), Distributions.NAMES);
    }

    /** Every declared key, as {@code path.key}, with its kind; a variant's keys under {@code path(variant)}. */
    private static void walk(String path, Keys keys, List<Key> out, List<String> paths) {
        for (Key k : keys.keys()) {
            String at = path.isEmpty() ? k.name() : path + "." + k.name();
            out.add(k);
            paths.add(at);
            walk(at, k.kind(), out, paths);
        }
    }

    private static void walk(String at, ValueKind kind, List<Key> out, List<String> paths) {
        if (kind instanceof ValueKind.Nested n) {
            walk(at, n.keys(), out, paths);
        } else if (kind instanceof ValueKind.ListOf l) {
            walk(at + "[]", l.item(), out, paths);
        } else if (kind instanceof ValueKind.AnyOf a) {
            a.kinds().forEach(k -> walk(at, k, out, paths));
        } else if (kind instanceof ValueKind.Variants v) {
            v.variants().keySet().forEach(name -> walk(at + "(" + name + ")", v.keysOf(name), out, paths));
        }
    }

    @Test
    void everyKeyTheLoaderAcceptsHasAKindAndADescriptionInTheSchema() {
        List<Key> keys = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        walk("", ScenarioLoader.KEYS, keys, paths);
        assertTrue(paths.containsAll(List.of("service.serviceTime", "autoscaler(hpa).behavior.scaleUp.policies[].period",
                "autoscaler(static).replicas", "traffic.trace.resolution", "cluster.nodePools[].gpu")), paths.toString());
        for (int i = 0; i < keys.size(); i++) {
            var fragment = keys.get(i).kind().schema();
            assertFalse(fragment.isEmpty(), paths.get(i) + " has no kind in the schema");
        }
    }

    @Test
    void aKeyWithoutAKindIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Key.optional("panicWindow", null, "the window of panic mode"));
        assertTrue(e.getMessage().contains("'panicWindow' has no declared kind"), e.getMessage());
    }

    @Test
    void referenceYamlDocumentsEveryDeclaredKey() throws IOException {
        String reference = Files.readString(SCENARIOS.resolve("reference.yaml"));
        List<Key> keys = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        walk("", ScenarioLoader.KEYS, keys, paths);
        for (int i = 0; i < keys.size(); i++) {
            String name = keys.get(i).name();
            assertTrue(Pattern.compile("[\\s{,#]" + Pattern.quote(name) + ":").matcher(reference).find(),
                    "scenarios/reference.yaml does not document " + paths.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "500ms", "5m", "1h30m", "1.5s", "250us", "90s", "1d2h3m4s5ms6us", "2h0.5m",
        "5", "-5s", "5x", "1m1h", "1s1s", "", "s", "1.s", ".5s", "5 s", "1m 30s", "+5s", "1e3s", "5S"})
    void theDurationPatternAcceptsExactlyWhatDurationsParses(String text) {
        boolean parses;
        try {
            Durations.parse(text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertEquals(parses, Pattern.compile(Durations.pattern()).matcher(text).find(), "'" + text + "'");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The validator's messages for {@code yaml}, read to a JSON tree with Jackson's YAML module. */
    private static List<String> errors(String yaml) throws IOException {
        String json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml));
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
