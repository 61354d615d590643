package io.headroom.cli;

import io.headroom.loadgen.loadtest.LoadTestRequest;
import io.headroom.planner.scenario.RequestSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The live endpoint a load test drives, shared by {@code loadtest} and {@code validate}. */

final class LoadTestOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "The endpoint's scoring URL, e.g. http://127.0.0.1:8080/score. Loopback only unless --allow-non-loopback.")
    String target;

    @Option(names = "--method", paramLabel = "GET|POST",
            description = "Request method. Default: the scenario's request.method, else GET (POST when a body is given).")
    String method;

    @Option(names = "--body", paramLabel = "TEXT", description = "POST body (implies --method POST); replaces the scenario's request.body.")
    String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "POST body read from FILE (implies --method POST).")
    Path bodyFile;

    @Option(names = "--header", paramLabel = "NAME:VALUE",
            description = "A request header, added to the scenario's request.headers; repeatable. Values are sent, never"
                    + " printed or written. For secrets prefer --header-env.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--header-env", paramLabel = "NAME=ENV_VAR",
            description = "A request header whose value is read from an environment variable, e.g."
                    + " Authorization=HEADROOM_AUTH (with HEADROOM_AUTH='Bearer ...'); repeatable.")
    List<String> headerEnv = new ArrayList<>();

    @Option(names = "--allow-non-loopback",
            description = "Allow a target that is not this machine. Off by default: a load test sends thousands of"
                    + " requests a second, and aimed at the wrong host it is a denial of service. Only use it"
                    + " against an endpoint you own and may load.")
    boolean allowNonLoopback;

    /** The request every virtual user sends: the scenario's {@code request} section, overridden by these options. */
    LoadTestRequest request(RequestSpec fromScenario) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw usage("--target must be a URL such as http://127.0.0.1:8080/score but was '" + target + "'");
        }
        Map<String, String> values = new LinkedHashMap<>(fromScenario.headers());
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw usage("--header must be NAME:VALUE but was '" + header.replaceAll(":.*", ":…") + "'");
            }
            values.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        for (String entry : headerEnv) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw usage("--header-env must be NAME=ENV_VAR but was '" + entry + "'");
            }
            String variable = entry.substring(eq + 1);
            String value = System.getenv(variable);
            if (value == null) {
                throw usage("--header-env " + entry + ": the environment variable " + variable + " is not set");
            }
            values.put(entry.substring(0, eq).trim(), value);
        }
        String payload = body != null ? body : bodyFile == null ? fromScenario.body() : null;
        if (bodyFile != null) {
            try {
                payload = Files.readString(bodyFile);
            } catch (IOException e) {
                throw usage("--body-file must be a readable file but was '" + bodyFile + "'");
            }
        }
        String verb = method != null ? method : payload != null ? "POST" : fromScenario.method();
        LoadTestRequest request;
        try {
            request = new LoadTestRequest(uri, verb, payload, values);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (!allowNonLoopback && !request.targetIsLoopback()) {
            throw usage("--target " + uri.getHost() + " is not this machine's loopback; load tests stay on 127.0.0.1/::1"
                    + " unless you pass --allow-non-loopback for an endpoint you own");
        }
        return request;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
