package io.headroom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom bench}: benchmarks that print numbers (never tests that fail on timings). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Benchmarks: how fast the simulator and the load generator run on this machine.",
        description = {"Numbers on a shared machine are noisy: compare the ratios printed within one run.", ""},
        subcommands = {BenchSimulateCommand.class, BenchLoadtestCommand.class, BenchRecommendCommand.class, BenchEnginesCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
