package io.headroom.planner.scenario;

import java.util.List;
import java.util.Locale;

/**
 * What the values of a monitoring series mean, as {@code traffic.trace.values} (and
 * {@code headroom import traffic --values}) say: {@code rates}, requests per second (Prometheus
 * {@code rate()}, a Grafana panel of a rate), or {@code counts}, requests in each bucket
 * (Prometheus {@code increase()} at the query's step). A series does not say which it holds, and
 * reading one as the other is off by the bucket's length in seconds, so the key is required.
 */
enum TraceValues {
    RATES, COUNTS;

    /** The names a scenario or an option may give. */
    static final List<String> NAMES = List.of("rates", "counts");

    static TraceValues of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Requests in a bucket of {@code bucketSeconds} that the value stands for. */
    double requests(double value, double bucketSeconds) {
        return this == RATES ? value * bucketSeconds : value;
    }
}
