package io.headroom.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each malformed scenario fails with one line naming the rule, the offending value and the right
 * {@code line:column} (counted by hand from the snippet, 1-based).
 */
class MalformedScenarioTest {
    private static final String SERVICE = "service:\n  serviceTime: 1s\n";
    private static final String TRAFFIC = "traffic:\n  duration: 10m\n  profile:\n    - {at: 0s, rps: 1}\n";

    @TempDir
    Path dir;

    /** A malformed scenario: its text, side files, the fragments its message must hold, and where. */
    record Case(String text, Map<String, String> sideFiles, List<String> fragments, String where) {
    }

    private static Arguments c(String name, String text, String where, String... fragments) {
        return Arguments.of(Named.of(name, new Case(text, Map.of(), List.of(fragments), where)));
    }

    private static Arguments withFile(String name, String file, String content, String text, String where,
            String... fragments) {
        return Arguments.of(Named.of(name, new Case(text, Map.of(file, content), List.of(fragments), where)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("unknown top-level key", "name: x\nsevrice:\n  serviceTime: 1s\n" + TRAFFIC, "s.yaml:2:1",
                        "unknown key 'sevrice'", "known: name, seed, service, autoscaler, cluster, traffic, slo, cost, request"),
                c("unknown nested key", "name: x\n" + SERVICE + "  concurency: 2\n" + TRAFFIC, "s.yaml:4:3",
                        "unknown key 'concurency' in service", "known: serviceTime, concurrency"),
                c("request method not GET or POST", "name: x\n" + SERVICE + TRAFFIC + "request:\n  method: PUT\n", "s.yaml:9:11",
                        "request.method must be GET or POST", "'PUT'"),
                c("request body and bodyFile both", "name: x\n" + SERVICE + TRAFFIC + "request:\n  body: x\n  bodyFile: b.json\n",
                        "s.yaml:10:13", "request.body and request.bodyFile exclude each other"),
                c("request header not a string", "name: x\n" + SERVICE + TRAFFIC + "request:\n  headers:\n    X-Count: [1]\n",
                        "s.yaml:10:14", "request.headers.X-Count must be a string"),
                c("request header with CR LF", "name: x\n" + SERVICE + TRAFFIC
                        + "request:\n  headers:\n    X-Evil: \"a\\r\\nInjected: 1\"\n", "s.yaml:10:13",
                        "request.headers.X-Evil must not hold CR, LF or other control characters", "\\u000d at character 2"),
                c("request header name with a space", "name: x\n" + SERVICE + TRAFFIC
                        + "request:\n  headers:\n    \"X Evil\": a\n", "s.yaml:10:5", "request.headers names must be tokens"),
                c("missing name", SERVICE + TRAFFIC, "s.yaml:1:1", "name is required", "but was missing"),
                c("missing traffic", "name: x\n" + SERVICE, "s.yaml:1:1", "traffic is required", "but was missing"),
                c("bare number duration", "name: x\n" + SERVICE + "  startup: 90\n" + TRAFFIC, "s.yaml:4:12",
                        "service.startup needs a unit", "e.g. '90s'", "'90'"),
                c("unknown unit", "name: x\n" + SERVICE + "  timeout: 10sec\n" + TRAFFIC, "s.yaml:4:12",
                        "service.timeout is a number with a unit", "'10sec'"),
                c("negative duration", "name: x\n" + SERVICE + "  startup: -5s\n" + TRAFFIC, "s.yaml:4:12",
                        "service.startup must be >= 0", "'-5s'"),
                c("string for an integer", "name: x\n" + SERVICE + "  concurrency: two\n" + TRAFFIC, "s.yaml:4:16",
                        "service.concurrency must be a whole number", "but was 'two'"),
                c("concurrency 0", "name: x\n" + SERVICE + "  concurrency: 0\n" + TRAFFIC, "s.yaml:4:16",
                        "service.concurrency must be >= 1", "but was 0"),
                c("errorRate above 1", "name: x\n" + SERVICE + "  errorRate: 1.5\n" + TRAFFIC, "s.yaml:4:14",
                        "service.errorRate must be in [0, 1]", "but was 1.5"),
                c("target utilization 0", "name: x\n" + SERVICE + "autoscaler:\n  targetUtilization: 0\n" + TRAFFIC,
                        "s.yaml:5:22", "autoscaler.targetUtilization must be in (0, 1]", "but was 0"),
                c("min above max", "name: x\n" + SERVICE + "autoscaler:\n  minReplicas: 5\n  maxReplicas: 3\n" + TRAFFIC,
                        "s.yaml:6:16", "autoscaler.maxReplicas must be >= autoscaler.minReplicas (5)", "but was 3"),
                c("unknown policy lists the known ones", "name: x\n" + SERVICE + "autoscaler:\n  policy: kpa\n" + TRAFFIC,
                        "s.yaml:5:11", "autoscaler.policy must be one of azureml, hpa, knative, static", "but was 'kpa'"),
                c("knative needs maxReplicas", "name: x\n" + SERVICE + "autoscaler:\n  policy: knative\n" + TRAFFIC,
                        "s.yaml:5:3", "autoscaler.maxReplicas is required", "missing"),
                c("knative panic window longer than the stable window", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n  stableWindow: 10s\n  panicWindow: 20s\n" + TRAFFIC,
                        "s.yaml:8:16", "autoscaler.panicWindow must be whole seconds within 1s..10s", "but was '20s'"),
                c("knative stable window not whole seconds", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n  stableWindow: 1500ms\n" + TRAFFIC,
                        "s.yaml:7:17", "autoscaler.stableWindow must be whole seconds within 6s..1h", "1500ms"),
                c("knative containerConcurrency is the service's concurrency", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n  containerConcurrency: 4\n" + TRAFFIC,
                        "s.yaml:7:25", "autoscaler.containerConcurrency must equal service.concurrency (1", "but was 4"),
                c("knative target above containerConcurrency", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n  target: 2\n" + TRAFFIC,
                        "s.yaml:7:11", "autoscaler.target must be in (0, 1]", "but was 2"),
                c("knative target burst capacity between -1 and 0", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n  targetBurstCapacity: -0.5\n" + TRAFFIC,
                        "s.yaml:7:24", "autoscaler.targetBurstCapacity must be -1 (activator always in path) or >= 0", "-0.5"),
                c("knative replaces service.timeout with the revision timeout", "name: x\nservice:\n  serviceTime: 1s\n  timeout: 10s\n"
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n" + TRAFFIC,
                        "s.yaml:4:12", "service.timeout is not used by policy knative", "autoscaler.timeout"),
                c("knative initialScale above maxReplicas", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: knative\n  maxReplicas: 5\n  initialScale: 6\n" + TRAFFIC,
                        "s.yaml:7:17", "autoscaler.initialScale must be within minReplicas..maxReplicas (0..5)", "but was 6"),
                c("minReplicas 0 is for knative only", "name: x\n" + SERVICE + "autoscaler:\n  minReplicas: 0\n" + TRAFFIC,
                        "s.yaml:5:16", "autoscaler.minReplicas must be >= 1", "but was 0"),
                c("hpa needs maxReplicas", "name: x\n" + SERVICE + "autoscaler:\n  policy: hpa\n" + TRAFFIC,
                        "s.yaml:5:3", "autoscaler.maxReplicas is required", "missing"),
                c("hpa initialReplicas above maxReplicas", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: hpa\n  maxReplicas: 5\n  initialReplicas: 6\n" + TRAFFIC,
                        "s.yaml:7:20", "autoscaler.initialReplicas must be <= autoscaler.maxReplicas (5)", "but was 6"),
                c("hpa metric type unknown", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: hpa\n  maxReplicas: 5\n  metric: {type: memory, targetAverage: 3}\n" + TRAFFIC,
                        "s.yaml:7:18", "autoscaler.metric.type must be one of cpu, concurrency, rps, external", "but was 'memory'"),
                c("hpa cpu takes targetUtilization", "name: x\n" + SERVICE
                        + "autoscaler:\n  policy: hpa\n  maxReplicas: 5\n  metric: {type: cpu, targetAverage: 3}\n" + TRAFFIC,
                        "s.yaml:7:38", "autoscaler.metric.targetAverage is not used by metric type cpu (it takes targetUtilization)"),
                c("hpa on cpu needs a cpu request", "name: x\nservice:\n  serviceTime: 1s\n  resources: {cpu: 0}\n"
                        + "autoscaler:\n  policy: hpa\n  maxReplicas: 5\n  metric: {type: cpu, targetUtilization: 0.6}\n" + TRAFFIC,
                        "s.yaml:8:11", "an hpa on cpu needs service.resources.cpu > 0"),
                c("hpa selectPolicy unknown", "name: x\n" + SERVICE + "autoscaler:\n  policy: hpa\n  maxReplicas: 5\n"
                        + "  behavior:\n    scaleUp: {selectPolicy: Fastest}\n" + TRAFFIC,
                        "s.yaml:8:29", "autoscaler.behavior.scaleUp.selectPolicy must be one of Max, Min, Disabled", "but was 'Fastest'"),
                c("hpa policy period beyond upstream's 30 minutes", "name: x\n" + SERVICE + "autoscaler:\n  policy: hpa\n"
                        + "  maxReplicas: 5\n  behavior:\n    scaleDown:\n      policies: [{type: Pods, value: 1, period: 1h}]\n"
                        + TRAFFIC, "s.yaml:9:18", "policy period must be within 1s..30m", "1h"),
                c("unknown routing lists the modes", "name: x\nservice:\n  serviceTime: 1s\n  routing: nginx\n" + TRAFFIC,
                        "s.yaml:4:12", "service.routing must be one of central-queue, round-robin, random, least-in-flight",
                        "but was 'nginx'"),
                c("a replica queue limit needs per-replica routing", "name: x\nservice:\n  serviceTime: 1s\n"
                        + "  replicaQueueLimit: 5\n" + TRAFFIC, "s.yaml:4:22", "service.replicaQueueLimit applies to per-replica routing"),
                c("azureml does not take hpa's metric", "name: x\n" + SERVICE
                        + "autoscaler:\n  minReplicas: 2\n  metric: {type: cpu, targetUtilization: 0.5}\n" + TRAFFIC,
                        "s.yaml:6:3", "key 'metric' in autoscaler is not used by policy azureml"),
                c("static without replicas", "name: x\n" + SERVICE + "autoscaler:\n  policy: static\n" + TRAFFIC,
                        "s.yaml:5:3", "autoscaler.replicas is required", "but was missing"),
                c("key of another policy", "name: x\n" + SERVICE + "autoscaler:\n  replicas: 3\n" + TRAFFIC, "s.yaml:5:3",
                        "key 'replicas' in autoscaler is not used by policy azureml",
                        "its keys: policy, schedule, minReplicas, maxReplicas, initialReplicas, targetUtilization, refreshInterval, scaleDownDelay"),
                c("unknown distribution", "name: x\nservice:\n  serviceTime: {distribution: weibull, mean: 1s}\n" + TRAFFIC,
                        "s.yaml:3:31", "service.serviceTime.distribution must be one of constant, exponential, lognormal,"
                                + " gamma, empirical", "but was 'weibull'"),
                c("lognormal without cv or p99", "name: x\nservice:\n  serviceTime: {distribution: lognormal, mean: 1s}\n"
                        + TRAFFIC, "s.yaml:3:16", "service.serviceTime (lognormal) needs exactly one of cv or p99",
                        "but was neither"),
                c("lognormal with cv and p99",
                        "name: x\nservice:\n  serviceTime: {distribution: lognormal, mean: 1s, cv: 1, p99: 3s}\n" + TRAFFIC,
                        "s.yaml:3:16", "needs exactly one of cv or p99", "but was both"),
                c("key of another distribution", "name: x\nservice:\n  serviceTime: {distribution: exponential, mean: 1s, p99: 3s}\n"
                        + TRAFFIC, "s.yaml:3:54", "key 'p99' in service.serviceTime is not used by distribution exponential",
                        "its keys: distribution, mean"),
                c("p99 below the mean", "name: x\nservice:\n  serviceTime: {distribution: lognormal, mean: 2s, p99: 1s}\n"
                        + TRAFFIC, "s.yaml:3:57", "service.serviceTime.p99", "mean < p99", "0.500"),
                c("profile goes backwards in time", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 10m\n  profile:\n    - {at: 5m, rps: 1}\n    - {at: 2m, rps: 2}\n",
                        "s.yaml:8:7", "profile goes backwards in time", "traffic.profile[1].at must be >= 5m", "but was 2m"),
                c("ramp overlaps the next segment", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 20m\n  profile:\n    - {at: 0s, rampTo: 5, over: 10m}\n    - {at: 5m, rps: 2}\n",
                        "s.yaml:8:7", "profile goes backwards in time", "must be >= 10m", "but was 5m"),
                c("negative rps", "name: x\n" + SERVICE + "traffic:\n  duration: 10m\n  profile:\n    - {at: 0s, rps: -3}\n",
                        "s.yaml:7:21", "traffic.profile[0].rps must be >= 0", "but was -3"),
                c("segment with rps and rampTo", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 10m\n  profile:\n    - {at: 0s, rps: 1, rampTo: 3, over: 1m}\n",
                        "s.yaml:7:7", "traffic.profile[0] needs exactly one of rps (a step) or rampTo (a ramp)", "but was both"),
                c("both profile and trace", "name: x\n" + SERVICE + TRAFFIC + "  trace: t.csv\n", "s.yaml:5:3",
                        "traffic needs exactly one of profile or trace", "but was both"),
                c("neither profile nor trace", "name: x\n" + SERVICE + "traffic:\n  duration: 10m\n", "s.yaml:5:3",
                        "traffic needs exactly one of profile or trace", "but was neither"),
                c("missing trace file", "name: x\n" + SERVICE + "traffic:\n  duration: 10m\n  trace: nope.csv\n", "s.yaml:6:10",
                        "traffic.trace must name a readable file", "but was 'nope.csv'"),
                withFile("bad trace row", "t.csv", "second,requests\n0,5\n1,abc\n2,4\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 3s\n  trace: t.csv\n", "t.csv:3:3",
                        "a trace row's last column must be a request count", "but was 'abc'"),
                withFile("negative trace count", "t.csv", "0,5\n1,-2\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 2s\n  trace: t.csv\n", "t.csv:2:3",
                        "a request count, a whole number >= 0", "but was '-2'"),
                withFile("run longer than the trace", "t.csv", "second,requests\n0,5\n1,4\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1m\n  trace: t.csv\n", "s.yaml:5:13",
                        "traffic.duration must be <= the trace's length, 2s", "but was '1m'"),
                c("schedule clock time without traffic.start", "name: x\n" + SERVICE
                        + "autoscaler:\n  schedule: [{from: '9:00', to: 10m, minReplicas: 2}]\n" + TRAFFIC, "s.yaml:5:21",
                        "autoscaler.schedule[0].from is a clock time, which needs traffic.start", "but was '9:00'"),
                c("schedule ends before it starts", "name: x\n" + SERVICE
                        + "autoscaler:\n  schedule: [{from: 5m, to: 2m, minReplicas: 2}]\n" + TRAFFIC, "s.yaml:5:29",
                        "autoscaler.schedule[0].to must be after autoscaler.schedule[0].from (300 s)", "but was '2m'"),
                c("schedule floor above maxReplicas", "name: x\n" + SERVICE
                        + "autoscaler:\n  maxReplicas: 5\n  schedule: [{from: 1m, to: 2m, minReplicas: 6}]\n" + TRAFFIC, "s.yaml:6:46",
                        "autoscaler.schedule[0].minReplicas must be <= the policy's maxReplicas, 5", "but was 6"),
                c("schedule floor without minReplicas", "name: x\n" + SERVICE
                        + "autoscaler:\n  schedule: [{from: 1m, to: 2m}]\n" + TRAFFIC, "s.yaml:5:14",
                        "autoscaler.schedule[0].minReplicas is required", "but was missing"),
                c("start without a zone", "name: x\n" + SERVICE + TRAFFIC + "  start: 2026-12-01T09:00:00\n", "s.yaml:8:10",
                        "traffic.start must be an ISO-8601 date-time with an offset or zone", "but was '2026-12-01T09:00:00'"),
                c("start not a date", "name: x\n" + SERVICE + TRAFFIC + "  start: monday 9am\n", "s.yaml:8:10",
                        "traffic.start must be an ISO-8601 date-time", "but was 'monday 9am'"),
                c("start with an unknown zone", "name: x\n" + SERVICE + TRAFFIC + "  start: 2026-12-01T09:00:00[Mars/Olympus]\n",
                        "s.yaml:8:10", "traffic.start must be an ISO-8601 date-time", "but was '2026-12-01T09:00:00[Mars/Olympus]'"),
                c("trace resolution not whole seconds", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 1s\n  trace: {file: t.csv, resolution: 1.5s}\n", "s.yaml:6:36",
                        "traffic.trace.resolution must be a whole number of seconds, >= 1s", "but was '1.5s'"),
                withFile("trace without a time column or a resolution", "t.csv", "60\n120\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: t.csv\n", "s.yaml:6:10",
                        "traffic.trace needs a resolution, e.g. {file: t.csv, resolution: 1m}", "has no time column"),
                withFile("numbers under an unnamed time header are no time column", "t.csv", "time,requests\n0,60\n1,120\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: {file: t.csv}\n", "s.yaml:6:17",
                        "traffic.trace.file needs a resolution"),
                withFile("declared resolution that the time column contradicts", "t.csv", "minute,requests\n0,60\n1,120\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: {file: t.csv, resolution: 1s}\n",
                        "s.yaml:6:36", "traffic.trace.resolution must match the trace's time column, whose rows are 1m apart",
                        "t.csv:3:1)", "but was '1s'"),
                withFile("timestamps that are not evenly spaced", "t.csv",
                        "time,requests\n2024-03-04T08:45:00,5\n2024-03-04T08:46:00,6\n2024-03-04T08:48:00,7\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: t.csv\n", "t.csv:4:1",
                        "a trace's rows must be evenly spaced, 1m apart", "this one is 2m after the previous"),
                withFile("a garbled timestamp", "t.csv", "time,requests\n2024-03-04 08:45:00,5\nlater,6\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: t.csv\n", "t.csv:3:1",
                        "a trace's time column must hold a timestamp", "but was 'later'"),
                withFile("a slice that is not whole buckets", "t.csv", "minute,requests\n0,60\n1,120\n2,90\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1m\n  trace: {file: t.csv, from: 90s}\n", "s.yaml:6:30",
                        "traffic.trace.from must be a whole number of buckets (1m)", "but was '90s'"),
                withFile("a slice that ends before it starts", "t.csv", "minute,requests\n0,60\n1,120\n2,90\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1m\n  trace: {file: t.csv, from: 2m, to: 1m}\n",
                        "s.yaml:6:38", "traffic.trace.to must be after traffic.trace.from (2m)", "but was 1m"),
                withFile("a run longer than the slice", "t.csv", "minute,requests\n0,60\n1,120\n2,90\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 2m\n  trace: {file: t.csv, from: 2m}\n", "s.yaml:5:13",
                        "traffic.duration must be <= the trace's length, 1m", "from 2m to 3m"),
                withFile("a negative scale", "t.csv", "minute,requests\n0,60\n1,60\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1m\n  trace: {file: t.csv, scale: -2}\n", "s.yaml:6:31",
                        "traffic.trace.scale must be > 0", "but was -2"),
                c("node pool without count", "name: x\n" + SERVICE
                        + "cluster:\n  nodePools:\n    - {name: gpu, cpu: 6, memoryGb: 56}\n" + TRAFFIC, "s.yaml:6:7",
                        "cluster.nodePools[0].count is required", "but was missing"),
                c("empty node pool list", "name: x\n" + SERVICE + "cluster:\n  nodePools: []\n" + TRAFFIC, "s.yaml:5:14",
                        "cluster.nodePools must have at least one pool", "but was an empty list"),
                c("list where a map belongs", "name: x\nservice: [1s]\n" + TRAFFIC, "s.yaml:2:10",
                        "service must be a map of keys", "but was a list"),
                c("number for the name", "name: 42\n" + SERVICE + TRAFFIC, "s.yaml:1:7", "name must be a string", "but was 42"),
                c("duplicate key", "name: x\nname: y\n" + SERVICE + TRAFFIC, "s.yaml:2:1",
                        "keys must be unique in a map but 'name' was repeated", "first at line 1:1"),
                c("negative cost", "name: x\n" + SERVICE + TRAFFIC + "cost:\n  perReplicaHour: -1\n", "s.yaml:9:19",
                        "cost.perReplicaHour must be >= 0", "but was -1"),
                c("slo fraction above 1", "name: x\n" + SERVICE + TRAFFIC + "slo:\n  max503Fraction: 2\n", "s.yaml:9:19",
                        "slo.max503Fraction must be in [0, 1]", "but was 2"),
                c("empty file", "", "s.yaml:1:1", "scenario file must hold a map of keys", "but was empty"),
                c("duration that overflows", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 99999999999999999999d\n  profile:\n    - {at: 0s, rps: 1}\n", "s.yaml:5:13",
                        "traffic.duration must be at most 106751d", "but was '99999999999999999999d'"),
                c("timeline of a century", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 36500d\n  profile:\n    - {at: 0s, rps: 1}\n", "s.yaml:5:13",
                        "traffic.duration must be <= 168h, the longest timeline allowed", "--max-timeline", "but was '36500d'"),
                c("timeline of a year", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 365d\n  profile:\n    - {at: 0s, rps: 1}\n", "s.yaml:5:13",
                        "the longest timeline allowed", "--max-timeline", "but was '365d'"),
                c("a billion requests per second", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 10m\n  profile:\n    - {at: 0s, rps: 1e9}\n", "s.yaml:5:13",
                        "the expected requests of the traffic times the runs must be <= 1000000000", "--max-requests",
                        "but was 6.00e+11 (6.00e+11 requests over 10m x 1 run)"),
                c("trace outside the scenario's folder", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 10m\n  trace: ../../../../../../etc/passwd\n", "s.yaml:6:10",
                        "traffic.trace must name a file inside the scenario's folder", "--allow-outside",
                        "but was '../../../../../../etc/passwd'"),
                c("absolute trace path outside the folder", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 10m\n  trace: /etc/shadow\n", "s.yaml:6:10",
                        "traffic.trace must name a file inside the scenario's folder", "but was '/etc/shadow'"),
                c("empirical samples outside the folder", "name: x\nservice:\n  serviceTime: {distribution: empirical, file: /etc/passwd}\n"
                        + TRAFFIC, "s.yaml:3:48", "service.serviceTime.file must name a file inside the scenario's folder",
                        "--allow-outside"),
                c("request body file outside the folder", "name: x\n" + SERVICE + TRAFFIC + "request:\n  bodyFile: ../b.json\n",
                        "s.yaml:9:13", "request.bodyFile must name a file inside the scenario's folder"),
                withFile("binary trace", "t.csv", "\u0000\u0001PNG", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 1s\n  trace: t.csv\n", "t.csv:1:1", "must be UTF-8 text", "a NUL character"),
                withFile("JSON trace of no known format", "t.json", "[1, 2, 3]", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 1s\n  trace: t.json\n", "t.json:1:1",
                        "a JSON trace must be a Prometheus query_range response", "or an Azure Monitor metrics export"),
                withFile("Prometheus trace without values", "p.json", "{\"status\": \"success\", \"data\": {\"resultType\":"
                        + " \"matrix\", \"result\": [{\"metric\": {}, \"values\": [[0, \"1\"], [1, \"1\"]]}]}}", "name: x\n"
                        + SERVICE + "traffic:\n  duration: 1s\n  trace: {file: p.json}\n", "s.yaml:6:17",
                        "traffic.trace.values is required for a Prometheus series", "rates (requests per second"),
                c("negative slowdown", "name: x\n" + SERVICE + "  slowdown: -0.1\n" + TRAFFIC, "s.yaml:4:13",
                        "service.slowdown must be", "-0.1"),
                withFile("trace values neither rates nor counts", "p.csv", "0,1\n", "name: x\n" + SERVICE
                        + "traffic:\n  duration: 1s\n  trace: {file: p.csv, values: rps}\n", "s.yaml:6:32",
                        "traffic.trace.values must be one of rates, counts", "but was 'rps'"),
                withFile("a long garbage trace row is quoted as a short excerpt", "t.csv",
                        "0,5\ndaemon:*:20228:0:99999:7:::and-a-great-deal-more-of-the-line-that-must-not-be-printed\n",
                        "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: t.csv\n", "t.csv:2:1",
                        "but was 'daemon:*:20228:0:99999:7:::and-a-great-d…'"),
                c("deep nesting", "name: x\n" + SERVICE + TRAFFIC + "cost: " + "[".repeat(40) + "]".repeat(40) + "\n",
                        "s.yaml:8:", "maps and lists must nest at most 32 levels deep", "but was 33 levels deep"),
                c(".nan for a number", "name: x\n" + SERVICE + "  errorRate: .nan\n" + TRAFFIC, "s.yaml:4:14",
                        "service.errorRate must be a finite number", "but was .nan"),
                c(".inf for a rate", "name: x\n" + SERVICE + "traffic:\n  duration: 10m\n  profile:\n    - {at: 0s, rps: .inf}\n",
                        "s.yaml:7:21", "traffic.profile[0].rps must be a finite number", "but was .inf"),
                c("YAML alias", "name: x\nservice:\n  serviceTime: &t 1s\n  startup: *t\n" + TRAFFIC, "s.yaml:4:12",
                        "a value must be written out, not a YAML alias", "but was *t"),
                c("YAML merge key", "name: x\nbase: &b {serviceTime: 1s}\nservice:\n  <<: *b\n" + TRAFFIC, "s.yaml:4:7",
                        "not a YAML alias (aliases and merge keys are not read)", "but was *b"),
                c("control characters in a key are escaped", "name: x\n\"\\e[31mred\": 1\n" + SERVICE + TRAFFIC, "s.yaml:2:1",
                        "unknown key '\\u001b[31mred'"),
                c("malformed YAML syntax", "name: x\nservice: {serviceTime: 1s\ntraffic: {}\n", "s.yaml:3:",
                        "YAML syntax must be valid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedScenarioFailsWithRuleValueAndLocation(Case c) throws IOException {
        for (Map.Entry<String, String> side : c.sideFiles().entrySet()) {
            Files.writeString(dir.resolve(side.getKey()), side.getValue());
        }
        String message = failure("s.yaml", c.text());
        for (String fragment : c.fragments()) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
        String where = dir.resolve(c.where()).toString();
        assertTrue(message.contains("(" + where + (c.where().endsWith(":") ? "" : ")")),
                () -> "expected (" + where + ") in: " + message);
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        String message = failure("s.json", "{\"name\": \"x\",\n \"service\": {\"serviceTime\": 1s}}\n");
        assertTrue(message.contains("JSON syntax must be valid"), message);
        assertTrue(message.contains(dir.resolve("s.json") + ":2:"), message);
    }

    @Test
    void jsonNumberWhereADurationBelongsNeedsAUnit() throws IOException {
        String message = failure("s.json", "{\"name\": \"x\",\n \"service\": {\"serviceTime\": 2},\n"
                + " \"traffic\": {\"duration\": \"1m\", \"profile\": [{\"at\": \"0s\", \"rps\": 1}]}}\n");
        assertTrue(message.contains("service.serviceTime needs a unit"), message);
        assertTrue(message.contains(dir.resolve("s.json") + ":2:29)"), message);
    }

    @Test
    void missingScenarioFileCannotBeRead() {
        Path missing = dir.resolve("absent.yaml");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(missing));
        assertTrue(e.getMessage().startsWith("cannot read scenario file " + missing), e.getMessage());
    }

    @Test
    void scenarioFileNeedsAYamlOrJsonName() throws IOException {
        String message = failure("s.txt", "name: x\n");
        assertTrue(message.contains("must end in .yaml, .yml or .json"), message);
    }

    @Test
    void badEmpiricalSampleNamesItsFileAndLine() throws IOException {
        Files.writeString(dir.resolve("samples.txt"), "# ms\n120ms\n95\n");
        String message = failure("s.yaml", "name: x\nservice:\n  serviceTime: {distribution: empirical, file: samples.txt}\n"
                + TRAFFIC);
        assertTrue(message.contains("a sample needs a unit"), message);
        assertTrue(message.contains("(" + dir.resolve("samples.txt") + ":3:1)"), message);
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefusedLikeAPath(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("secret.csv"), "0,5\n");
        Files.createSymbolicLink(dir.resolve("t.csv"), elsewhere.resolve("secret.csv"));
        String message = failure("s.yaml", "name: x\n" + SERVICE + "traffic:\n  duration: 1s\n  trace: t.csv\n");
        assertTrue(message.contains("traffic.trace must name a file inside the scenario's folder " + dir.toAbsolutePath()
                + " (pass"), message);
        assertTrue(message.contains("(" + dir.resolve("s.yaml") + ":6:10)"), message);
    }

    @Test
    void allowOutsideFilesReadsATraceElsewhere(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("t.csv"), "second,requests\n0,5\n1,4\n");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: x\n" + SERVICE + "traffic:\n  duration: 2s\n  trace: " + elsewhere.resolve("t.csv") + "\n");
        assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file));
        Scenario scenario = ScenarioLoader.load(file, LoadLimits.DEFAULT.withOutsideFiles(true));
        assertTrue(scenario.traffic().expectedRequests() == 9, "read the trace: " + scenario.traffic().expectedRequests());
    }

    @Test
    void aBinaryScenarioFileNamesTheFirstByteThatIsNotText() throws IOException {
        Path file = dir.resolve("s.json");
        Files.write(file, new byte[] {'{', '\n', ' ', (byte) 0x89, 'P', 'N', 'G'});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file));
        assertTrue(e.getMessage().contains("must be UTF-8 text"), e.getMessage());
        assertTrue(e.getMessage().contains("byte 0x89 (" + file + ":2:2)"), e.getMessage());
        assertFalse(e.getMessage().contains("Input length"), e.getMessage());
    }

    @Test
    void runsMultiplyTheExpectedRequests() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: x\n" + SERVICE + TRAFFIC);
        ScenarioLoader.load(file, LoadLimits.DEFAULT.withRuns(1000));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioLoader.load(file, LoadLimits.DEFAULT.withRuns(10_000_000)));
        assertTrue(e.getMessage().contains("x 10000000 runs"), e.getMessage());
        assertTrue(e.getMessage().contains("(" + file + ":5:13)"), e.getMessage());
    }

    @Test
    void workThatCannotFinishIsRefusedAtLoadNotAfterAnHour() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: x\n" + SERVICE + "traffic:\n  duration: 24855d\n  profile:\n    - {at: 0s, rps: 1e9}\n");
        long start = System.nanoTime();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file));
        assertTrue(e.getMessage().contains("--max-timeline"), e.getMessage());
        Files.writeString(file, "name: x\n" + SERVICE + "traffic:\n  duration: 7d\n  profile:\n    - {at: 0s, rps: 1e9}\n");
        e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file));
        assertTrue(e.getMessage().contains("--max-requests"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "refused at load, without running");
    }

    private String failure(String fileName, String text) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), () -> "one line: " + message);
        return message;
    }
}
