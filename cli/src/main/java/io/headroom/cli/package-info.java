/**
 * The {@code headroom} command line: one thin picocli class per subcommand, sharing converters, the
 * exit codes of {@link io.headroom.cli.ExitCode} and one help layout ({@link io.headroom.cli.HelpLayout}).
 * Pipelines that more than one command runs are plain classes: {@link io.headroom.cli.LoadTestRun}
 * (loadtest, validate) and {@link io.headroom.cli.Validation}.
 */
package io.headroom.cli;
