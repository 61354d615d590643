package io.headroom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom autoscaler}: the scenario's autoscaler on its own. */
@Command(name = "autoscaler", mixinStandardHelpOptions = true,
        header = "The scenario's autoscaler on its own: what it decides, given metrics.",
        description = {""},
        subcommands = {AutoscalerReplayCommand.class})
final class AutoscalerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
