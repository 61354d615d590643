package io.headroom.cli;

import io.headroom.planner.sim.SimulatorBenchmark;
import io.headroom.planner.sim.SimulatorBenchmark.Measurement;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headroom bench simulate}: how fast the simulator runs on this machine, and within what heap. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Benchmark the simulator: requests simulated per second, and the heap a day-long run needs.",
        description = {
            "Runs, in this process and on one thread, a bare M/M/c loss kernel (a heap of completion times and nothing else) and the full simulator (azureml autoscaler, lognormal service, router queue, per-second timeline and histograms), after a warm-up, and prints requests simulated per second for each and their ratio. Numbers on a shared machine are noisy: read the ratio. With --memory it also simulates 24 h at 2,000 rps in a child JVM limited to --heap, proving the run needs no more.",
            ""})
final class BenchSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rps", paramLabel = "RPS", defaultValue = "2000",
            description = "Mean request rate of the workload, requests per second. Default: ${DEFAULT-VALUE}.")
    double rps;

    @Option(names = "--length", paramLabel = "DURATION", defaultValue = "4h",
            description = "Simulated time per measured run, a duration with its unit (30m, 4h). Default: ${DEFAULT-VALUE}.")
    Duration length;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Measured runs of each, after one warm-up (a whole number >= 1). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--memory", description = "Also simulate 24 h × 2,000 rps in a child JVM with -Xmx of --heap.")
    boolean memory;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m",
            description = "Heap limit for --memory, as java -Xmx takes it: a number with k, m or g (256m, 1g). Default: ${DEFAULT-VALUE}.")
    String heap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long kernelRequests = (long) (rps * length.toSeconds());
        out.printf(Locale.ROOT, "warming up ...%n");
        out.flush();
        SimulatorBenchmark.bareKernel(kernelRequests / 4, 200, rps, 0.05, 1);
        SimulatorBenchmark.fullModel(rps, length.dividedBy(4), 1);
        List<Measurement> kernel = new ArrayList<>();
        List<Measurement> full = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            kernel.add(SimulatorBenchmark.bareKernel(kernelRequests, 200, rps, 0.05, 2 + i));
            full.add(SimulatorBenchmark.fullModel(rps, length, 2 + i));
            out.printf(Locale.ROOT, "run %d: kernel %.2f M req/s, full model %.2f M req/s%n", i + 1,
                    kernel.get(i).requestsPerSecond() / 1e6, full.get(i).requestsPerSecond() / 1e6);
            out.flush();
        }
        double k = best(kernel);
        double f = best(full);
        out.printf(Locale.ROOT, "%nbest of %d, one thread, %d requests per run:%n", repeat, full.get(0).requests());
        out.printf(Locale.ROOT, "  %-50s %8.2f M requests/s%n", kernel.get(0).name(), k / 1e6);
        out.printf(Locale.ROOT, "  %-50s %8.2f M requests/s%n", full.get(0).name(), f / 1e6);
        out.printf(Locale.ROOT, "  full model / kernel: %.2f%n", f / k);
        if (memory) {
            return memoryCheck(out);
        }
        return ExitCode.OK;
    }

    private static double best(List<Measurement> runs) {
        return runs.stream().mapToDouble(Measurement::requestsPerSecond).max().orElse(0);
    }

    /** Runs {@link DayRun} in a child JVM with the heap limit; its exit code says whether it fit. */
    private int memoryCheck(PrintWriter out) throws IOException, InterruptedException, URISyntaxException {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("java.class.path");
        out.printf(Locale.ROOT, "%nmemory: simulating 24 h at 2,000 rps in a JVM with -Xmx%s ...%n", heap);
        out.flush();
        Process p = new ProcessBuilder(javaBinary.toString(), "-Xmx" + heap, "-cp", classpath, DayRun.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = p.waitFor(30, TimeUnit.MINUTES);
        out.print(output.lines().map(l -> "  " + l + "\n").reduce("", String::concat));
        if (!finished || p.exitValue() != 0) {
            out.printf(Locale.ROOT, "memory: FAILED within -Xmx%s (exit %s)%n", heap, finished ? p.exitValue() : "timeout");
            return ExitCode.INTERNAL_ERROR;
        }
        out.printf(Locale.ROOT, "memory: ok within -Xmx%s%n", heap);
        return ExitCode.OK;
    }

    /** The child process of {@code --memory}: one day-long run, then its numbers and the peak heap. */
    static final class DayRun {
        public static void main(String[] args) {
            Measurement m = SimulatorBenchmark.fullModel(2000, Duration.ofHours(24), 24);
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "%d requests in %.1f s (%.2f M req/s); peak heap used %.0f MB of max %.0f MB%n",
                    m.requests(), m.nanos() / 1e9, m.requestsPerSecond() / 1e6, peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        }
    }
}
