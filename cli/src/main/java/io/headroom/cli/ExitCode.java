package io.headroom.cli;

/**
 * Every exit code headroom returns, in one place: the README's "Exit codes" paragraph and the
 * {@code headroom --help} footer list the same ones. (130 after Ctrl-C is the JVM's, not ours.)
 */
final class ExitCode {
    /** Done, and every verdict asked for held. */
    static final int OK = 0;
    /** A bug: an unexpected exception, printed with its stack trace (picocli's own default). */
    static final int INTERNAL_ERROR = 1;
    /** A bad option or argument: one line on stderr (picocli's {@code exitCodeOnInvalidInput}). */
    static final int USAGE = 2;
    /** An invalid scenario or input file: one line naming {@code file:line:column}, the rule and the value. */
    static final int INVALID_INPUT = 3;
    /** An SLO or validation verdict failed, so CI can gate on it. */
    static final int VERDICT_FAILED = 4;
    /** A load test stopped before the end of its traffic; its partial results are written, marked incomplete. */
    static final int INCOMPLETE = 5;

    private ExitCode() {
    }

    /** {@link #VERDICT_FAILED} when {@code failed}, else {@link #OK}. */
    static int verdict(boolean failed) {
        return failed ? VERDICT_FAILED : OK;
    }
}
