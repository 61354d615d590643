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

    private static void latency(List<SloVerdict> out, String name, Optional<Duration> limit, Double actualMs) {
        if (limit.isPresent()) {
            double limitMs = limit.get().toNanos() / 1e6;
            double actual = actualMs == null ? 0 : actualMs;
            out.add(new SloVerdict(name, limitMs, actual, "ms", actual <= limitMs));
        }
    }
}
