package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.sim.EngineComparison;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench engines}'s latency table: each engine's per-run p99 (mean and range) and the fast engine's relative error. */
class BenchEnginesLatencyTest {
    private static EngineComparison row(String name, EngineComparison.P99 des, EngineComparison.P99 fast) {
        return new EngineComparison(name, 4, 0, 0, List.of(), List.of(), List.of(), 1, 1, 0, 0, 0, 0, 0.1, 0.01, des, fast);
    }

    @Test
    void printsBothEnginesP99AndTheFastError() {
        StringWriter text = new StringWriter();
        BenchEnginesCommand.latency(new PrintWriter(text), List.of(
                row("a spike", new EngineComparison.P99(2000, 1500, 2500), new EngineComparison.P99(2200, 2100, 2300)),
                row("nothing served", new EngineComparison.P99(Double.NaN, Double.NaN, Double.NaN), new EngineComparison.P99(Double.NaN,
                        Double.NaN, Double.NaN))));
        String out = text.toString();
        assertTrue(out.contains("a spike") && out.contains("DES   2.000 s (1.500-2.500)") && out.contains("fast   2.200 s (2.100-2.300)")
                && out.contains("+10.0 %"), out);
        assertTrue(out.contains("nothing served") && out.contains("DES none served  fast none served"), out);
    }
}
