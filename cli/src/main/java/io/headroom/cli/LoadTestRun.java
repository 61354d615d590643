package io.headroom.cli;

import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.LoadTest;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.loadgen.loadtest.ObservedOutputs;
import io.headroom.loadgen.loadtest.WarmUp;
import io.headroom.planner.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A load test as {@code loadtest} and {@code validate} both run it, without picocli: the optional
 * warm-up, the run with a progress bar, its outputs written into a directory, and a Ctrl-C hook that
 * writes what was recorded, marked incomplete.
 */
final class LoadTestRun {
    private LoadTestRun() {
    }

    /** Runs {@code test} to its end and writes its outputs into {@code dir}; messages go to {@code err}. */
    static LoadTestResult run(LoadTest test, Path dir, PrintWriter err, boolean warmUp) {
        test.refuseWhenDescriptorsAreShort();
        if (warmUp) {
            err.println("headroom: warming up the load generator (3 s at 500 requests/s against a throwaway loopback endpoint)");
            err.flush();
            WarmUp.run(500, Duration.ofSeconds(3));
        }
        Thread onInterrupt = new Thread(() -> {
            if (!test.finished()) {
                test.stop("interrupted (Ctrl-C)");
                try {
                    ObservedOutputs.write(test, test.snapshot(), dir);
                    err.println("headroom: interrupted; wrote what was recorded so far, marked incomplete, to " + dir);
                } catch (IOException e) {
                    err.println("headroom: interrupted, and could not write " + dir + ": " + e.getMessage());
                }
                err.flush();
            }
        }, "headroom-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (ProgressBar progress = ProgressBar.onTerminal(err, "load test")) {
            LoadTestResult result = test.run(progress);
            ObservedOutputs.write(test, result, dir);
            return result;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the load test's results into " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it writes the results
            }
        }
    }

    /** How the generator kept to its plan, and its warnings. */
    static void printGenerator(PrintWriter out, GeneratorReport g) {
        out.println();
        out.printf(Locale.ROOT, "  generator  %d of %d requests sent (%.1f of %.1f requests/s), %d answered, %d without a response%n",
                g.sentRequests(), g.plannedRequests(), g.achievedRps(), g.plannedRps(), g.responses(), g.noResponses());
        out.printf(Locale.ROOT, "             sent late by p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", g.startLagP50Ms(), g.startLagP99Ms(),
                g.startLagMaxMs());
        for (String warning : g.warnings()) {
            out.println("  WARNING    " + warning);
        }
    }
}
