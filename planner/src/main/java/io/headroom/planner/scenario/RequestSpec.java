package io.headroom.planner.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a load test's requests look like, when the scenario says: method, body and headers. The
 * command line can override each. Secrets (an endpoint key) do not belong here: pass them with
 * {@code --header-env} so they stay out of files.
 *
 * @param method GET or POST
 * @param body the POST body, or null
 * @param headers header name to value
 */
public record RequestSpec(String method, String body, Map<String, String> headers) {
    public static final RequestSpec DEFAULT = new RequestSpec("GET", null, Map.of());

    public RequestSpec {
        method = method == null ? (body == null ? "GET" : "POST") : method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("request.method must be GET or POST but was '" + method + "'");
        }
        if (method.equals("GET") && body != null) {
            throw new IllegalArgumentException("request.body goes with method POST, not GET");
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
