package io.headroom.planner.timeline;

import io.headroom.planner.scenario.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges a run's numbers against a scenario's objectives. */
public final class Slos {
    private Slos() {
    }

    /** One verdict per objective the scenario sets, in a fixed order (503 fraction, p50, p90, p99). */
    public static List<SloVerdict> judge(Slo slo, double rejected503Fraction, LatencySummary latencyMs) {
        List<SloVerdict> verdicts = new ArrayList<>();
        if (slo.max503Fraction().isPresent()) {
            double limit = slo.max503Fraction().getAsDouble();
            verdicts.add(new SloVerdict("503 fraction", limit, rejected503Fraction, "fraction", rejected503Fraction <= limit));
        }
        latency(verdicts, "latency p50", slo.latencyP50(), latencyMs.p50());
        latency(verdicts, "latency p90", slo.latencyP90(), latencyMs.p90());
        latency(verdicts, "latency p99", slo.latencyP99(), latencyMs.p99());
        return List.copyOf(verdicts);
    }

    /**
     * The objectives behind verdicts {@link #judge} gave (names and limits), so a run rebuilt from
     * parts — the merge of a load test's segments — is judged against the same SLOs.
     */
    public static Slo of(List<SloVerdict> verdicts) {
        java.util.OptionalDouble max503 = java.util.OptionalDouble.empty();
        Optional<Duration> p50 = Optional.empty();
        Optional<Duration> p90 = Optional.empty();
        Optional<Duration> p99 = Optional.empty();
        for (SloVerdict v : verdicts) {
            Optional<Duration> limit = Optional.of(Duration.ofNanos(Math.round(v.limit() * 1e6)));
            switch (v.objective()) {
                case "503 fraction" -> max503 = java.util.OptionalDouble.of(v.limit());
                case "latency p50" -> p50 = limit;
                case "latency p90" -> p90 = limit;
                case "latency p99" -> p99 = limit;
                default -> throw new IllegalArgumentException("an SLO verdict's objective must be one of 503 fraction, latency p50,"
                        + " latency p90, latency p99 but was '" + v.objective() + "'");
            }
        }
        return new Slo(max503, p50, p90, p99);
    }

    private static void latency(List<SloVerdict> out, String name, Optional<Duration> limit, Double actualMs) {
        if (limit.isPresent()) {
            double limitMs = limit.get().toNanos() / 1e6;
            double actual = actualMs == null ? 0 : actualMs;
            out.add(new SloVerdict(name, limitMs, actual, "ms", actual <= limitMs));
        }
    }
}
