package io.headroom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headroom import}: bring data from monitoring into headroom's own formats. */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Bring data from monitoring into headroom's formats.",
        description = {""},
        subcommands = {ImportTrafficCommand.class})
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
