package io.headroom.loadgen.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Map;

/**
 * The Gatling simulation of a headroom load test: an open model that replays the plan's arrivals,
 * one request per virtual user. Public with a no-argument constructor because Gatling instantiates
 * it; everything it needs comes from {@link GatlingRun#current()}.
 */
public final class HeadroomSimulation extends Simulation {
    public HeadroomSimulation() {
        GatlingRun run = GatlingRun.current();
        LoadTestRequest request = run.request;
        HttpProtocolBuilder protocol = http.baseUrl(request.baseUrl()).disableWarmUp().shareConnections()
                .transformResponse(run::onResponse);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            protocol = protocol.header(header.getKey(), header.getValue());
        }
        HttpRequestActionBuilder call = request.method().equals("POST")
                ? http("score").post(request.pathAndQuery()).body(StringBody(request.body() == null ? "" : request.body()))
                : http("score").get(request.pathAndQuery());
        ScenarioBuilder users = scenario("headroom")
                .exec(run::onStart)
                .pause(run::pause)
                .exec(stopLoadGeneratorIf("headroom load test stopped", session -> run.shouldStop()))
                .exec(run::onSend)
                .exec(call)
                .exec(run::onFinished);
        setUp(users.injectOpen(run.injection())).protocols(protocol);
    }
}
