package io.headroom.planner;

/**
 * A user's mistake in an input (a scenario file, a trace, a command-line value): the one exception
 * type the command line prints as a single line, without a stack trace, and maps to exit code 3.
 * The message states the rule, the offending value and, when known, where it is
 * ({@code file:line:column}).
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
