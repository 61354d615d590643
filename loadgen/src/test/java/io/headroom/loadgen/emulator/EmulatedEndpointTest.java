package io.headroom.loadgen.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.loadgen.emulator.Http.Answer;
import io.headroom.planner.scenario.Scenario;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The emulated endpoint over real loopback HTTP: holding, queueing, 503/504/502, scaling, metrics. */
@Timeout(60)
class EmulatedEndpointTest {
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final String ONE_REPLICA = "{policy: static, replicas: 1}";

    @TempDir
    Path dir;

    private EmulatedEndpoint start(String service, String autoscaler) {
        Scenario scenario = TestScenarios.of(dir, service, autoscaler);
        return EmulatedEndpoint.start(scenario, LOOPBACK_ANY_PORT);
    }

    private static List<Answer> all(List<CompletableFuture<Answer>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void aRequestIsHeldForItsServiceTime() {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 200ms}", ONE_REPLICA)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/healthz");
            Answer answer = http.getNow("/score");
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.latencyMillis() >= 200 && answer.latencyMillis() <= 400, "latency " + answer.latencyMillis());
            assertEquals("{\"status\":\"ok\"}", answer.body());
            assertEquals(1, endpoint.metrics().served());
        }
    }

    @Test
    void aBurstOnOneSlotGetsOneOkAndTheQueuedOnes503AtTheWaitLimit() {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 500ms, maxQueueWait: 100ms}", ONE_REPLICA)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/healthz");
            List<Answer> answers = all(IntStream.range(0, 5).mapToObj(i -> http.get("/score")).toList());
            List<Answer> ok = answers.stream().filter(a -> a.status() == 200).toList();
            List<Answer> rejected = answers.stream().filter(a -> a.status() == 503).toList();
            assertEquals(1, ok.size(), answers.toString());
            assertEquals(4, rejected.size(), answers.toString());
            assertTrue(ok.get(0).latencyMillis() >= 500, answers.toString());
            for (Answer a : rejected) {
                assertTrue(a.latencyMillis() >= 100 && a.latencyMillis() <= 400, "503 at the 100 ms limit, not at a completion: " + a);
            }
            EndpointMetrics m = endpoint.metrics();
            assertEquals(1, m.served());
            assertEquals(4, m.rejected503());
            assertEquals(0, m.queueLength());
        }
    }

    @Test
    void withoutAQueueWaitAFullEndpointAnswers503AtOnce() {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 500ms, maxQueueWait: 0s}", ONE_REPLICA)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/healthz");
            CompletableFuture<Answer> first = http.get("/score");
            awaitMetrics(endpoint, m -> m.busySlots() == 1);
            Answer second = http.getNow("/score");
            assertEquals(503, second.status());
            assertTrue(second.latencyMillis() < 100, "latency " + second.latencyMillis());
            assertEquals(200, first.join().status());
        }
    }

    @Test
    void aServiceTimeOverTheTimeoutGets504AtTheTimeoutAndKeepsItsSlot() {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 800ms, timeout: 200ms}", ONE_REPLICA)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/healthz");
            Answer answer = http.getNow("/score");
            assertEquals(504, answer.status(), answer.body());
            assertTrue(answer.latencyMillis() >= 200 && answer.latencyMillis() <= 450, "latency " + answer.latencyMillis());
            EndpointMetrics after = endpoint.metrics();
            assertEquals(1, after.timeout504());
            assertEquals(1, after.busySlots(), "the replica still works on the timed-out request");
            EndpointMetrics freed = awaitMetrics(endpoint, m -> m.busySlots() == 0);
            assertTrue(freed.uptimeMillis() >= 800, "the slot frees when the service time ends: " + freed);
        }
    }

    @Test
    void errorRateOneAnswers502AfterTheServiceTime() {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 50ms, errorRate: 1.0}", ONE_REPLICA)) {
            Http http = new Http(endpoint.uri());
            Answer answer = http.getNow("/score");
            assertEquals(502, answer.status());
            assertTrue(answer.latencyMillis() >= 50, "latency " + answer.latencyMillis());
            assertEquals(1, endpoint.metrics().error502());
        }
    }

    @Test
    void aBurstAboveTargetRaisesDesiredAndReplicasBecomeReadyAfterTheirStartup() {
        String service = "{serviceTime: 2s, maxQueueWait: 4s, startup: 1s}";
        String azureml = "{policy: azureml, minReplicas: 1, maxReplicas: 4, targetUtilization: 0.7, refreshInterval: 200ms}";
        try (EmulatedEndpoint endpoint = start(service, azureml)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/healthz");
            List<CompletableFuture<Answer>> burst = IntStream.range(0, 4).mapToObj(i -> http.get("/score")).toList();
            // a 200 ms tick may decide before all four have arrived (ceil(2 / 0.7) = 3); the next one sees them all
            EndpointMetrics decided = awaitMetrics(endpoint, m -> m.desired() == 4);
            assertEquals(4, decided.desired(), "ceil(4 in flight / 0.7) = 6, capped at 4: " + decided);
            assertEquals(1, decided.ready(), decided.toString());
            assertEquals(3, decided.starting(), decided.toString());
            EndpointMetrics grown = awaitMetrics(endpoint, m -> m.ready() == 4);
            long startupMillis = grown.uptimeMillis() - decided.uptimeMillis();
            assertTrue(startupMillis >= 800 && startupMillis <= 1_500, "ready about 1 s after the decision: " + startupMillis);
            List<Answer> answers = all(burst);
            assertTrue(answers.stream().allMatch(a -> a.status() == 200), "the new replicas served the queue: " + answers);
        }
    }

    @Test
    void tenfoldOverloadIsAnsweredQuicklyAndNearlyAllWith503() {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 100ms, maxQueueWait: 500ms}", ONE_REPLICA)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/healthz");
            int requests = 2_000;
            long startNanos = System.nanoTime();
            List<CompletableFuture<Answer>> futures = Load.paced(requests, 2_000, () -> http.get("/score"));
            List<Answer> answers = all(futures);
            long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            long ok = answers.stream().filter(a -> a.status() == 200).count();
            long rejected = answers.stream().filter(a -> a.status() == 503).count();
            assertEquals(requests, ok + rejected, "only 200 and 503");
            long oneSlotServes = elapsedMillis / 100 + 1;
            assertTrue(ok >= 5 && ok <= oneSlotServes, "one 100 ms slot serves at most " + oneSlotServes + " in "
                    + elapsedMillis + " ms: " + ok);
            assertTrue(rejected >= requests * 0.95, "nearly all 503: " + rejected);
            assertTrue(elapsedMillis < 12_000, "answered within a few seconds (the JDK client sets the pace): " + elapsedMillis + " ms");
            // No per-request latency bound here: at 2,000 new requests a second the JDK client itself adds
            // up to seconds (measured against the instant endpoint); the burst test pins the 503 timing.
            EndpointMetrics m = endpoint.metrics();
            assertEquals(requests, m.answered(), m.toString());
            assertEquals(0, m.queueLength(), m.toString());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 100ms}", ONE_REPLICA)) {
            String responses = RawHttp.exchange(endpoint.address(),
                    "GET /score HTTP/1.1\r\nHost: t\r\n\r\nGET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            int ok = responses.indexOf("{\"status\":\"ok\"}");
            int metrics = responses.indexOf("\"uptimeMillis\"");
            assertTrue(ok > 0 && metrics > ok, responses);
        }
    }

    @Test
    void moreRequestsPipelinedThanAConnectionHoldsAreAllAnswered() throws IOException {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 1ms, concurrency: 4}", ONE_REPLICA)) {
            int requests = 3 * ConnectionHandler.MAX_PIPELINED;
            String responses = RawHttp.exchange(endpoint.address(), "GET /score HTTP/1.1\r\nHost: t\r\n\r\n".repeat(requests - 1)
                    + "GET /score HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertEquals(requests, responses.split("HTTP/1.1 200 OK", -1).length - 1);
            assertEquals(requests, endpoint.metrics().served());
        }
    }

    @Test
    void metricsHaveTheDocumentedFieldsAndHealthzIsOk() throws IOException {
        try (EmulatedEndpoint endpoint = start("{serviceTime: 10ms}", "{policy: azureml, minReplicas: 2, maxReplicas: 3}")) {
            Http http = new Http(endpoint.uri());
            assertEquals(200, http.getNow("/healthz").status());
            assertEquals(200, http.getNow("/any/path?x=1").status());
            Answer answer = http.getNow("/metrics");
            assertEquals(200, answer.status());
            JsonNode json = new ObjectMapper().readTree(answer.body());
            List<String> fields = List.of("uptimeMillis", "ready", "starting", "desired", "busySlots", "queueLength", "pending",
                    "crashLooping", "limitedByMax", "nodeComing", "served", "rejected503", "timeout504", "error502");
            assertEquals(fields, iterate(json.fieldNames()));
            assertEquals(2, json.get("ready").asInt());
            assertEquals(2, json.get("desired").asInt());
            assertEquals(1, json.get("served").asLong(), "healthz and metrics are not scoring requests");
        }
    }

    @Test
    void aFullClusterLeavesReplicasPendingAndStartupFailuresCrashLoop() {
        String service = "{serviceTime: 1s, maxQueueWait: 2s, startup: 100ms, startupFailureRate: 1.0, resources: {cpu: 1, memoryGb: 1}}";
        String yamlAutoscaler = "{policy: azureml, minReplicas: 1, maxReplicas: 10, refreshInterval: 100ms}";
        Scenario scenario = TestScenarios.of(dir, service, yamlAutoscaler,
                "cluster: {nodePools: [{name: small, count: 1, cpu: 3, memoryGb: 8}]}");
        try (EmulatedEndpoint endpoint = EmulatedEndpoint.start(scenario, LOOPBACK_ANY_PORT)) {
            Http http = new Http(endpoint.uri());
            List<CompletableFuture<Answer>> burst = IntStream.range(0, 5).mapToObj(i -> http.get("/score")).toList();
            EndpointMetrics m = awaitMetrics(endpoint, x -> x.desired() > 1);
            assertEquals(1, m.ready(), m.toString());
            assertEquals(2, m.crashLooping(), "the node holds 3 replicas: 1 ready, 2 crash-looping: " + m);
            assertEquals(m.desired() - 3, m.pending(), m.toString());
            assertEquals(m.crashLooping(), m.starting(), m.toString());
            all(burst);
        }
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** Polls the metrics until {@code condition} holds; fails after 5 s. */
    static EndpointMetrics awaitMetrics(EmulatedEndpoint endpoint, Predicate<EndpointMetrics> condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        EndpointMetrics m = endpoint.metrics();
        while (!condition.test(m)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never met the condition; last: " + m);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            m = endpoint.metrics();
        }
        return m;
    }
}
