package io.headroom.cli;

import io.headroom.loadgen.loadtest.Injection;
import io.headroom.loadgen.loadtest.PlanSegment;
import io.headroom.planner.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which part of a plan this load generator sends, and when it starts: {@code --segment} and {@code --start-at} (a mixin). */
final class InjectorOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--segment", paramLabel = "I/N",
            description = "Send only segment I of N of the plan (0 <= I < N): every N-th request, starting with request I, at"
                    + " its own time (k6's execution-segment striping). The N segments together are the unsplit plan, request"
                    + " for request; run one per machine and combine them with 'headroom merge'. Default: 0/1, the whole plan.")
    String segment;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Begin at this instant, ISO-8601 with a zone (2026-12-01T14:00:00Z, or +01:00), so that every"
                    + " injector of a plan starts together; at most 24 h ahead. A late injector records how late (startSkewMs in"
                    + " loadtest.json) and counts its requests in their intended seconds all the same. Default: start when ready.")
    String startAt;

    /** The injection these options ask for, with the scenario file's digest. */
    Injection injection(Path scenarioFile) {
        PlanSegment part;
        try {
            part = segment == null ? PlanSegment.WHOLE : PlanSegment.parse(segment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--segment: " + e.getMessage());
        }
        return new Injection(part, startAt(), sha256(scenarioFile));
    }

    /** {@code --start-at} as an instant, or null when not given. */
    Instant startAt() {
        if (startAt == null) {
            return null;
        }
        Instant at = parseInstant(startAt, spec, "--start-at");
        if (Duration.between(Instant.now(), at).compareTo(Injection.MAX_WAIT) > 0) {
            throw new ParameterException(spec.commandLine(), "--start-at must be at most 24 h from now but was " + at);
        }
        return at;
    }

    static Instant parseInstant(String text, CommandSpec spec, String option) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be an ISO-8601 instant with a zone, e.g."
                    + " 2026-12-01T14:00:00Z, but was " + io.headroom.planner.Excerpt.quoted(text));
        }
    }

    /** SHA-256 (hex) of the file's bytes. */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
