package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place a timestamped series (Prometheus, a Grafana CSV, Azure Monitor) becomes a trace's
 * request counts. The timestamps give the resolution: the first two samples' spacing, a whole
 * number of seconds &gt;= 1s, and every later sample must follow its predecessor by exactly that
 * much; a larger step is a gap (missing samples), a smaller or negative one is a sample out of
 * order; each is an error at the sample's {@code file:line:column}. A value must be a finite number
 * &gt;= 0 (a NaN is a gap in the source). Values become whole requests by carried rounding: bucket
 * {@code i} gets {@code round(S_i) - round(S_{i-1})} where {@code S_i} is the running sum of the
 * requests the values stand for, so the trace's total is exactly {@code round(S_n)} and no bucket
 * is off by more than one request.
 */
final class TimedSeries {
    private TimedSeries() {
    }

    /**
     * The spacing of {@code points}, checked: at least two, the first two a whole number of seconds
     * apart, every later one exactly that after its predecessor (a larger step is a gap, a smaller
     * one out of order), each violation an error at the sample's location.
     */
    static long spacingMillis(List<TimedPoint> points, String source, String file) {
        if (points.size() < 2) {
            throw new InvalidInputException(source + " must hold at least two samples, whose spacing is the trace's resolution,"
                    + " but had " + points.size() + " (" + file + ")");
        }
        long stepMillis = points.get(1).epochMillis() - points.get(0).epochMillis();
        if (stepMillis <= 0 || stepMillis % 1000 != 0) {
            throw new InvalidInputException(source + "'s timestamps must rise by a whole number of seconds (>= 1s) from sample"
                    + " to sample, its resolution, but rose by " + Durations.format(Duration.ofMillis(stepMillis)) + " ("
                    + points.get(1).at() + ")");
        }
        for (int i = 1; i < points.size(); i++) {
            TimedPoint p = points.get(i);
            long step = p.epochMillis() - points.get(i - 1).epochMillis();
            if (step > stepMillis) {
                throw new InvalidInputException(source + " must have no gaps: each sample " + Durations.format(Duration.ofMillis(
                        stepMillis)) + " after the previous, as the first two, but this one is " + Durations.format(Duration
                        .ofMillis(step)) + " after it (" + (step / stepMillis - 1) + " missing) (" + p.at() + ")");
            }
            if (step < stepMillis) {
                throw new InvalidInputException(source + "'s samples must be in time order, " + Durations.format(Duration
                        .ofMillis(stepMillis)) + " apart as the first two, but this one is " + (step <= 0 ? "not after"
                        : "only " + Durations.format(Duration.ofMillis(step)) + " after") + " the previous, "
                        + Instant.ofEpochMilli(points.get(i - 1).epochMillis()) + " (" + p.at() + ")");
            }
        }
        return stepMillis;
    }

    /** The series as trace rows; {@code source} names the format in messages (e.g. "a Prometheus series"). */
    static TraceReader.Rows rows(List<TimedPoint> points, TraceValues values, String source, String file) {
        long stepMillis = spacingMillis(points, source, file);
        double bucketSeconds = stepMillis / 1000.0;
        List<Integer> counts = new ArrayList<>(points.size());
        double sum = 0;
        long emitted = 0;
        for (int i = 0; i < points.size(); i++) {
            TimedPoint p = points.get(i);
            if (Double.isNaN(p.value())) {
                throw new InvalidInputException(source + "'s values must be numbers >= 0 but this sample is NaN, a gap in the"
                        + " source (" + p.at() + ")");
            }
            if (!(p.value() >= 0) || Double.isInfinite(p.value())) {
                throw new InvalidInputException(source + "'s values must be finite numbers >= 0 but was "
                        + String.format(Locale.ROOT, "%s", p.value()) + " (" + p.at() + ")");
            }
            sum += values.requests(p.value(), bucketSeconds);
            long total = Math.round(sum);
            long count = total - emitted;
            if (total > Integer.MAX_VALUE * 1024L || count > Integer.MAX_VALUE) {
                throw new InvalidInputException(source + "'s buckets must hold at most " + Integer.MAX_VALUE
                        + " requests but this one held " + count + " (" + p.at() + ")");
            }
            counts.add((int) count);
            emitted = total;
        }
        return new TraceReader.Rows(counts, Optional.of(Duration.ofMillis(stepMillis)), points.get(1).at(),
                Optional.of(Instant.ofEpochMilli(points.get(0).epochMillis())));
    }
}
