package io.headroom.cli;

import io.headroom.planner.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code headroom} command: capacity planning and load simulation for services behind an
 * autoscaler. {@link #cli()} builds the command line that {@code main} and the tests share.
 */
@Command(name = "headroom",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        header = "Capacity planner and load simulator for services behind an autoscaler.",
        description = {
            "Answers three questions about a request/response service behind an autoscaler (Azure ML on AKS, Kubernetes HPA and KEDA): how many replicas it needs (size), when its clients will get 503s and why (simulate), and whether that holds against the live endpoint.",
            ""},
        subcommands = {SizeCommand.class, SimulateCommand.class, RecommendCommand.class, ReportCommand.class,
            TargetCommand.class, LoadtestCommand.class, ValidateCommand.class, MergeCommand.class, CompareCommand.class,
            AutoscalerCommand.class, CalibrateCommand.class, ImportCommand.class, BenchCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage error, 3 invalid scenario or input, 4 an SLO or validation verdict failed, 5 a load test stopped before its end.", "",
            "Run 'headroom COMMAND --help' for a command's options."})
public final class Headroom implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(cli().execute(args));
    }

    /** The command line with headroom's converters and error handling; tests drive this too. */
    public static CommandLine cli() {
        CommandLine cli = new CommandLine(new Headroom());
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        useExitCodes(cli);
        HelpLayout.install(cli, HelpLayout.WIDTH);
        cli.setParameterExceptionHandler(Headroom::usageError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidInputException) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            throw ex;
        });
        return cli;
    }

    /** Usage errors and bugs exit with {@link ExitCode}'s codes, in every command. */
    private static void useExitCodes(CommandLine cmd) {
        cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE).exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR);
        cmd.getSubcommands().values().forEach(Headroom::useExitCodes);
    }

    /** One line: what is wrong, and where to read more. No usage dump, no stack trace. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
