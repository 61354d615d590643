package io.headroom.cli;

import io.headroom.loadgen.loadtest.LoadTestRequest;
import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import io.headroom.planner.scenario.RequestSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The live endpoint a load test drives, shared by {@code loadtest} and {@code validate}. */

final class LoadTestOptions {
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "URL",
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
        if (target == null) {
            throw usage("Missing required option: '--target=URL'");
        }
        URI uri = targetUri();
        if (body != null && bodyFile != null) {
            throw usage("--body and --body-file exclude each other; give one");
        }
        Map<String, String> values = new LinkedHashMap<>();
        fromScenario.headers().forEach((name, value) -> values.put(checkedName(name, "request.headers"),
                checkedValue(name, value, "request.headers." + name)));
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw usage("--header must be NAME:VALUE but was " + Excerpt.quoted(header.replaceAll(":.*", ":…")));
            }
            String name = checkedName(header.substring(0, colon).trim(), "--header");
            values.put(name, checkedValue(name, header.substring(colon + 1).trim(), "--header " + name));
        }
        for (String entry : headerEnv) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw usage("--header-env must be NAME=ENV_VAR but was " + Excerpt.quoted(entry));
            }
            String variable = entry.substring(eq + 1);
            String value = System.getenv(variable);
            if (value == null) {
                throw usage("--header-env " + Excerpt.of(entry) + ": the environment variable " + Excerpt.of(variable)
                        + " is not set");
            }
            String name = checkedName(entry.substring(0, eq).trim(), "--header-env");
            values.put(name, checkedValue(name, value, "--header-env " + name));
        }
        String payload = body != null ? body : bodyFile == null ? fromScenario.body() : null;
        if (bodyFile != null) {
            if (!Files.isRegularFile(bodyFile) || !Files.isReadable(bodyFile)) {
                throw usage("--body-file must be a readable file but was " + Excerpt.quoted(bodyFile.toString()));
            }
            try {
                payload = TextFile.read(bodyFile, MAX_BODY_BYTES);
            } catch (InvalidInputException e) {
                throw usage("--body-file must be UTF-8 text of at most 16 MB: " + e.getMessage());
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

    /**
     * The target as a URL a load test can use: http or https, a host, a port in [1, 65535] when
     * given, no user info (credentials belong in --header-env).
     */
    private URI targetUri() {
        String example = " such as http://127.0.0.1:8080/score";
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw usage("--target must be a URL" + example + " but was " + Excerpt.quoted(target));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw usage("--target must be an http:// or https:// URL" + example + " but was " + Excerpt.quoted(target));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw usage("--target must name a host and, if not the scheme's default, a port in [1, 65535]" + example
                    + " but was " + Excerpt.quoted(target));
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw usage("--target's port must be in [1, 65535] but was " + uri.getPort());
        }
        if (uri.getRawUserInfo() != null) {
            throw usage("--target must not carry user info (pass credentials with --header-env) but had some");
        }
        return uri;
    }

    /** A header name is an HTTP token (RFC 9110 §5.6.2): no spaces, colons or control characters. */
    private String checkedName(String name, String option) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 127 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0))) {
            throw usage(option + ": a header name must be a token (letters, digits, !#$%&'*+-.^_`|~) but was "
                    + Excerpt.quoted(name));
        }
        return name;
    }

    /** A header value has no CR, LF or other control character (tab aside): one could add header lines to every request. */
    private String checkedValue(String name, String value, String option) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                // the value may be a secret: name the character and where, never the value
                throw usage(option + ": a header value must not hold CR, LF or other control characters but had "
                        + String.format(Locale.ROOT, "\\u%04x", (int) c) + " at character " + (i + 1));
            }
        }
        return value;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
