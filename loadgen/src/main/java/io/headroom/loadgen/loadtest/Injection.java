package io.headroom.loadgen.loadtest;

import java.time.Duration;
import java.time.Instant;

/**
 * How one injector takes part in a load test: its segment of the plan, the instant every injector
 * of the plan begins at (null: as soon as it is ready), and the SHA-256 of the scenario file it
 * read (null when it read none), which {@code merge} checks.
 */
public record Injection(PlanSegment segment, Instant startAt, String scenarioSha256) {
    /** The whole plan, started when ready: a plain load test. */
    public static final Injection SOLO = new Injection(PlanSegment.WHOLE, null, null);
    /** How far ahead a start may be: a load test waits for it, so not for days. */
    public static final Duration MAX_WAIT = Duration.ofHours(24);

    public Injection {
        java.util.Objects.requireNonNull(segment, "segment");
    }
}
