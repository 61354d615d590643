package io.headroom.loadgen.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every request of a load test looks like: where it goes, its method and body, and its headers.
 * Header values may be secrets (an endpoint key in {@code Authorization: Bearer ...}): they are sent,
 * never printed — {@link #toString()} and every output name the headers only.
 *
 * @param target the endpoint's scoring URL
 * @param method GET or POST
 * @param body the POST body, or null
 * @param headers request headers, name to value
 */
public record LoadTestRequest(URI target, String method, String body, Map<String, String> headers) {
    public LoadTestRequest {
        if (target == null || target.getHost() == null || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
            throw new IllegalArgumentException("the target must be an http:// or https:// URL with a host but was '" + target + "'");
        }
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("the method must be GET or POST but was '" + method + "'");
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Whether the target's host is this machine's loopback (127.0.0.0/8, ::1, or a name resolving there). */
    public boolean targetIsLoopback() {
        String host = target.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The URL with scheme, host and port only: Gatling's base URL. */
    String baseUrl() {
        return target.getScheme() + "://" + target.getRawAuthority();
    }

    /** Path and query, at least {@code /}. */
    String pathAndQuery() {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    @Override
    public String toString() {
        return method + " " + target + (headers.isEmpty() ? "" : " with headers "
                + headers.keySet().stream().map(h -> h + ": (hidden)").collect(Collectors.joining(", ")))
                + (body == null ? "" : " and a " + body.length() + "-character body");
    }
}
