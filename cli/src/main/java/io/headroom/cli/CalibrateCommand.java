package io.headroom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom calibrate}: fit the scenario's inputs (service time, startup, slowdown) from observed runs. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        header = "Fit the scenario's service time, startup and slowdown from observed runs, instead of guessing them.",
        description = {""},
        subcommands = {CalibrateServiceTimeCommand.class, CalibrateStartupCommand.class, CalibrateConcurrencyCommand.class})
final class CalibrateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
