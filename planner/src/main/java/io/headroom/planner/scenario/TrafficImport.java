package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.time.Durations;
import io.headroom.planner.traffic.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code headroom import traffic}: reads any trace format {@code traffic.trace} accepts (the same
 * readers, {@link TraceFiles}), slices and scales it by the rules of {@link Trace}, and gives the
 * canonical per-bucket counts.
 */
public final class TrafficImport {
    /** The names {@code --values} accepts. */
    public static final List<String> VALUES = TraceValues.NAMES;

    private TrafficImport() {
    }

    /**
     * An imported trace.
     *
     * @param format the format it was read as, e.g. "Prometheus query_range JSON"
     * @param trace the sliced and scaled trace
     * @param start the time of the first replayed bucket, when the source tells it
     * @param counts the replayed counts as whole requests (scaled by carried rounding)
     */
    public record Imported(String format, Trace trace, Optional<Instant> start, List<Integer> counts) {
        public Imported {
            counts = List.copyOf(counts);
        }

        /** All requests. */
        public long total() {
            return counts.stream().mapToLong(Integer::longValue).sum();
        }

        /** The busiest bucket's rate, requests per second. */
        public double peakPerSecond() {
            return counts.stream().mapToInt(Integer::intValue).max().orElse(0) / Durations.seconds(trace.resolution());
        }

        /** The mean rate, requests per second. */
        public double meanPerSecond() {
            return total() / Durations.seconds(trace.length());
        }
    }

    /**
     * Reads {@code file}.
     *
     * @param values {@code rates} or {@code counts} ({@code --values}), when given
     * @param resolution the bucket length when the file has no time column (a CSV of counts)
     * @param from where the slice starts, or null; @param to where it ends, or null
     * @param scale what every count is multiplied by
     * @throws InvalidInputException for a bad file or slice, as a one-line located message
     */
    public static Imported read(Path file, Optional<String> values, Optional<Duration> resolution, Duration from, Duration to,
            double scale) {
        Optional<TraceValues> kind = values.map(v -> {
            if (!TraceValues.NAMES.contains(v)) {
                throw new InvalidInputException("--values must be one of " + String.join(", ", TraceValues.NAMES) + " but was "
                        + io.headroom.planner.Excerpt.quoted(v));
            }
            return TraceValues.of(v);
        });
        SideFile side = SideFile.direct(file, "trace");
        TraceFiles.Read read = TraceFiles.read(side, kind, "--values", file.toString());
        TraceReader.Rows rows = read.rows();
        if (rows.counts().isEmpty()) {
            throw new InvalidInputException("a trace must hold at least one count row but " + file + " had none");
        }
        Duration bucket = rows.timeResolution().orElseGet(() -> resolution.orElseThrow(() -> new InvalidInputException(
                "--resolution is required: " + file + " has no time column to read it from")));
        if (rows.timeResolution().isPresent() && resolution.isPresent() && !resolution.get().equals(bucket)) {
            throw new InvalidInputException("--resolution must match the trace's timestamps, " + Durations.format(bucket)
                    + " apart (" + rows.timeAt() + "), but was " + Durations.format(resolution.get()));
        }
        Duration length = bucket.multipliedBy(rows.counts().size());
        int first = sliceAt("--from", from == null ? Duration.ZERO : from, bucket, length);
        int last = sliceAt("--to", to == null ? length : to, bucket, length);
        if (last <= first) {
            throw new InvalidInputException("--to must be after --from (" + Durations.format(bucket.multipliedBy(first))
                    + ") but was " + Durations.format(bucket.multipliedBy(last)));
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new InvalidInputException("--scale must be a finite number > 0 but was " + scale);
        }
        Trace trace = new Trace(file.toString(), bucket, rows.counts().subList(first, last), scale, bucket.multipliedBy(first));
        Optional<Instant> start = rows.start().map(s -> s.plus(bucket.multipliedBy(first)));
        return new Imported(read.format().shown, trace, start, trace.scaledCounts());
    }

    private static int sliceAt(String option, Duration point, Duration bucket, Duration length) {
        int at = Trace.bucketAt(point, bucket, length);
        if (at < 0) {
            throw new InvalidInputException(option + " must be a whole number of buckets (" + Durations.format(bucket)
                    + ") into the trace, at most its length " + Durations.format(length) + ", but was " + Durations.format(point));
        }
        return at;
    }

    /** Writes the canonical CSV: {@code time,requests} with ISO-8601 UTC times when the start is known, else {@code second,requests} offsets. */
    public static String csv(Imported imported) {
        StringBuilder out = new StringBuilder();
        long step = imported.trace().resolution().getSeconds();
        out.append(imported.start().isPresent() ? "time,requests\n" : "second,requests\n");
        for (int i = 0; i < imported.counts().size(); i++) {
            if (imported.start().isPresent()) {
                out.append(imported.start().get().plusSeconds(i * step));
            } else {
                out.append(i * step);
            }
            out.append(',').append(imported.counts().get(i)).append('\n');
        }
        return out.toString();
    }

}
