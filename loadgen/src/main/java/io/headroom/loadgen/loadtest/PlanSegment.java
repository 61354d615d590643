package io.headroom.loadgen.loadtest;

/**
 * One injector's share of a load test: segment {@code index} of {@code count} equal segments,
 * written {@code I/N} on the command line ({@code --segment 2/4}; {@code 0/1} is the whole plan).
 * Its requests are the plan's indexes that {@link Stripes#equal} gives it — every N-th, starting at
 * I — at the plan's own times, so the N segments together are the unsplit plan exactly.
 */
public record PlanSegment(int index, int count) {
    /** The most injectors one plan is split into. */
    public static final int MAX_COUNT = 10_000;
    /** The whole plan: one injector. */
    public static final PlanSegment WHOLE = new PlanSegment(0, 1);

    public PlanSegment {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("N must be in [1, " + MAX_COUNT + "] but was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("I must be in [0, N-1] = [0, " + (count - 1) + "] but was " + index);
        }
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException naming the rule, e.g. {@code I must be in [0, N-1] = [0, 3] but was 4}
     */
    public static PlanSegment parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1 || !t.substring(0, slash).matches("\\d{1,6}")
                || !t.substring(slash + 1).matches("\\d{1,6}")) {
            throw new IllegalArgumentException("a segment must be I/N (whole numbers, 0 <= I < N), e.g. 0/4, but was '"
                    + io.headroom.planner.Excerpt.of(text) + "'");
        }
        return new PlanSegment(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
    }

    /** The striping of the plan among the {@code count} injectors. */
    public Stripes stripes() {
        return Stripes.equal(count);
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
