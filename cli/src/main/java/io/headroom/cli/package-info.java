/** The {@code headroom} command line: one thin picocli class per subcommand, sharing converters and exit codes. */
package io.headroom.cli;
