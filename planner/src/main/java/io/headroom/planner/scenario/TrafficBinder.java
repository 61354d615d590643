package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.TEXT;
import static io.headroom.planner.scenario.ValueKind.choice;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import io.headroom.planner.time.Durations;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Trace;
import io.headroom.planner.traffic.Traffic;
import io.headroom.planner.traffic.TrafficShape;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds {@code traffic}: {@code duration} (required, &gt; 0), {@code arrivals} ({@code poisson} or
 * {@code uniform}, default poisson) and exactly one of {@code profile} (segments {@code {at, rps}} or
 * {@code {at, rampTo, over}}, in time order, a ramp ending before the next segment starts, each
 * starting before the run ends) or {@code trace} (a path, or {@code {file, resolution, values, scale, from,
 * to}}: a CSV of counts, a Prometheus {@code query_range} JSON, a timestamp/value CSV (Grafana) or an
 * Azure Monitor export, as {@link TraceFiles} tells them apart; {@code values} ({@code rates} or
 * {@code counts}) says what a monitoring series holds; the resolution is read from the trace's time
 * column or timestamps when it has them, and is required otherwise;
 * {@code scale} multiplies the rate; {@code from} and {@code to} slice the trace; the run may not
 * outlast the slice).
 */
final class TrafficBinder {
    private static final List<String> ARRIVALS = List.of("poisson", "uniform");
    /** What {@link #start} may parse, as far as the schema checks it: a date and a time of day, then the rest. */
    private static final String START = "[+-]?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*";
    private static final Keys SEGMENT_KEYS = Keys.of(
            required("at", DURATION, "when the segment starts, from the start of the run"),
            optional("rps", NUMBER, "a step: requests per second from at on"),
            optional("rampTo", NUMBER, "a ramp: the rate (requests per second) reached at at + over"),
            optional("over", DURATION, "a ramp: how long it takes to reach rampTo"));
    private static final Keys TRACE_KEYS = Keys.of(
            required("file", TEXT, "a CSV of request counts (the count last), a Prometheus query_range JSON, a timestamp/value"
                    + " CSV (Grafana) or an Azure Monitor RequestsPerMinute JSON"),
            optional("resolution", DURATION, "the bucket length, whole seconds; read from the time column when there is one"),
            optional("values", choice(TraceValues.NAMES), "rates or counts: what a monitoring series' values are (required for"
                    + " Prometheus JSON and timestamp/value CSVs)"),
            optional("scale", NUMBER, "multiplies every count (the rate); > 0"),
            optional("from", DURATION, "where the replay starts in the trace, a whole number of buckets"),
            optional("to", DURATION, "where the replay stops in the trace (default its end), a whole number of buckets"));
    static final Keys KEYS = Keys.of(
            required("duration", DURATION, "length of the run"),
            optional("arrivals", choice(ARRIVALS), "how requests arrive at the rate: poisson or uniform"),
            optional("profile", new ValueKind.ListOf(new ValueKind.Nested(SEGMENT_KEYS)),
                    "segments in time order, each a step {at, rps} or a ramp {at, rampTo, over}; or give trace"),
            optional("trace", new ValueKind.AnyOf(List.of(TEXT, new ValueKind.Nested(TRACE_KEYS))),
                    "a CSV of request counts to replay: its path, or {file, resolution, scale, from, to}; or give profile"),
            optional("start", new ValueKind.TextMatching(START),
                    "the wall-clock instant the run starts, ISO-8601 with an offset and/or a zone, e.g. 2026-12-01T09:00:00+01:00"));
    /** A local date-time and a zone region in brackets, without an offset: {@code 2026-12-01T09:00:00[Europe/Berlin]}. */
    private static final DateTimeFormatter LOCAL_WITH_ZONE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendLiteral('[').parseCaseSensitive().appendZoneRegionId()
            .appendLiteral(']').toFormatter(Locale.ROOT);

    private TrafficBinder() {
    }

    static Traffic bind(Node node, ScenarioFolder folder, LoadLimits limits) {
        Section s = Section.of(node, "traffic", KEYS);
        Node durationNode = s.required("duration");
        Duration duration = Section.duration(durationNode, s.path("duration"));
        if (duration.isZero()) {
            throw Section.error(s.path("duration") + " must be > 0s", durationNode);
        }
        WorkEstimate.checkTimeline(duration, limits, durationNode);
        ArrivalProcess arrivals = arrivals(s);
        Optional<Node> profile = s.node("profile");
        Optional<Node> trace = s.node("trace");
        if (profile.isPresent() == trace.isPresent()) {
            throw Section.error("traffic needs exactly one of profile or trace", profile.isPresent() ? "both" : "neither",
                    s.location());
        }
        TrafficShape shape = profile.isPresent() ? profile(profile.get(), duration)
                : trace(trace.get(), folder, duration, durationNode);
        Optional<ZonedDateTime> start = s.node("start").map(n -> start(n, s.path("start")));
        Traffic traffic = Section.build(() -> new Traffic(duration, arrivals, shape, start), "traffic", s.location());
        WorkEstimate.checkRequests(traffic, limits, durationNode);
        return traffic;
    }

    /**
     * {@code traffic.start}: an ISO-8601 date-time with an offset, a zone or both
     * ({@code 2026-12-01T09:00:00+01:00}, {@code 2026-12-01T09:00:00[Europe/Berlin]},
     * {@code 2026-12-01T09:00:00+01:00[Europe/Berlin]}, {@code 2026-12-01T08:00:00Z}).
     */
    static ZonedDateTime start(Node node, String path) {
        String text = node instanceof ScalarNode sc && sc.kind() != Node.Kind.NULL ? sc.text() : null;
        if (text != null) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME);
            } catch (DateTimeParseException e) {
                try {
                    return ZonedDateTime.parse(text, LOCAL_WITH_ZONE);
                } catch (DateTimeParseException ignored) {
                    // the error below says what is accepted
                }
            }
        }
        throw Section.error(path + " must be an ISO-8601 date-time with an offset or zone, e.g. '2026-12-01T09:00:00+01:00'"
                + " or '2026-12-01T09:00:00[Europe/Berlin]'", node);
    }

    private static ArrivalProcess arrivals(Section s) {
        Optional<Node> node = s.node("arrivals");
        if (node.isEmpty()) {
            return ArrivalProcess.POISSON;
        }
        String name = Section.string(node.get(), s.path("arrivals"));
        if (!ARRIVALS.contains(name)) {
            throw Section.error(s.path("arrivals") + " must be one of " + String.join(", ", ARRIVALS), node.get());
        }
        return ArrivalProcess.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static RateProfile profile(Node node, Duration runLength) {
        ListNode list = Section.asList(node, "traffic.profile");
        if (list.items().isEmpty()) {
            throw Section.error("traffic.profile must have at least one segment", "an empty list", list.location());
        }
        List<Segment> segments = new ArrayList<>();
        Duration previousEnd = Duration.ZERO;
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            Section s = Section.of(item, "traffic.profile[" + i + "]", SEGMENT_KEYS);
            Segment segment = segment(s);
            if (segment.at().compareTo(previousEnd) < 0) {
                throw Section.error("profile goes backwards in time: " + s.path("at") + " must be >= "
                        + Durations.format(previousEnd) + " (where the previous segment ends)",
                        Durations.format(segment.at()), s.location());
            }
            if (segment.at().compareTo(runLength) >= 0) {
                throw Section.error(s.path("at") + " must be before the end of the run (traffic.duration "
                        + Durations.format(runLength) + ")", Durations.format(segment.at()), s.location());
            }
            previousEnd = segment instanceof Segment.Ramp r ? r.at().plus(r.over()) : segment.at();
            segments.add(segment);
        }
        return Section.build(() -> new RateProfile(segments), "traffic.profile", list.location());
    }

    private static Segment segment(Section s) {
        Duration at = Section.duration(s.required("at"), s.path("at"));
        boolean step = s.has("rps");
        if (step == s.has("rampTo")) {
            throw Section.error(s.path() + " needs exactly one of rps (a step) or rampTo (a ramp)",
                    step ? "both" : "neither", s.location());
        }
        if (step) {
            if (s.has("over")) {
                throw Section.error(s.path("over") + " belongs to a ramp (rampTo), not a step (rps)",
                        s.required("over"));
            }
            double rps = s.nonNegative("rps", 0);
            return new Segment.Step(at, rps);
        }
        double to = s.nonNegative("rampTo", 0);
        Duration over = Section.duration(s.required("over"), s.path("over"));
        return new Segment.Ramp(at, to, over);
    }

    private static Trace trace(Node node, ScenarioFolder folder, Duration runLength, Node durationNode) {
        Node fileNode = node;
        Optional<Node> resolutionNode = Optional.empty();
        Section s = null;
        if (!(node instanceof ScalarNode)) {
            s = Section.of(node, "traffic.trace", TRACE_KEYS);
            fileNode = s.required("file");
            resolutionNode = s.node("resolution");
        }
        Optional<Duration> declared = resolutionNode.map(n -> {
            Duration d = Section.duration(n, "traffic.trace.resolution");
            if (d.isZero() || d.getNano() != 0) {
                throw Section.error("traffic.trace.resolution must be a whole number of seconds, >= 1s (1s, 1m, 5m, ...)", n);
            }
            return d;
        });
        String keyPath = node == fileNode ? "traffic.trace" : "traffic.trace.file";
        SideFile file = SideFile.resolve(folder, fileNode, keyPath);
        Optional<TraceValues> values = Optional.empty();
        if (s != null && s.has("values")) {
            Node valuesNode = s.required("values");
            String name = Section.string(valuesNode, s.path("values"));
            if (!TraceValues.NAMES.contains(name)) {
                throw Section.error(s.path("values") + " must be one of " + String.join(", ", TraceValues.NAMES), valuesNode);
            }
            values = Optional.of(TraceValues.of(name));
        }
        TraceReader.Rows rows = TraceFiles.read(file, values, "traffic.trace.values", fileNode.location().toString()).rows();
        List<Integer> counts = rows.counts();
        if (counts.isEmpty()) {
            throw new InvalidInputException("a trace must hold at least one count row but " + file + " had none ("
                    + fileNode.location() + ")");
        }
        Duration resolution = resolution(declared, rows, resolutionNode, fileNode, keyPath, file);
        double scale = s == null ? 1 : s.number("scale", 1, 0, true, Double.POSITIVE_INFINITY);
        Duration length = resolution.multipliedBy(counts.size());
        Duration from = s == null ? Duration.ZERO : slicePoint(s, "from", Duration.ZERO, resolution, length);
        Duration to = s == null ? length : slicePoint(s, "to", length, resolution, length);
        if (to.compareTo(from) <= 0) {
            throw Section.error("traffic.trace.to must be after traffic.trace.from (" + Durations.format(from) + ")",
                    Durations.format(to), s.required("to").location());
        }
        List<Integer> slice = counts.subList((int) (from.getSeconds() / resolution.getSeconds()),
                (int) (to.getSeconds() / resolution.getSeconds()));
        Trace trace = Section.build(() -> new Trace(file.toString(), resolution, slice, scale, from), keyPath,
                fileNode.location());
        if (runLength.compareTo(trace.length()) > 0) {
            throw Section.error("traffic.duration must be <= the trace's length, " + Durations.format(trace.length()) + " ("
                    + slice.size() + " rows of " + Durations.format(resolution) + " in " + file
                    + (slice.size() == counts.size() ? "" : " from " + Durations.format(from) + " to " + Durations.format(to))
                    + ")", durationNode);
        }
        return trace;
    }

    /**
     * The buckets' resolution: from the trace's time column when it has one, which a declared
     * {@code resolution} must match; else the declared one, which is then required — a per-minute
     * trace read as per-second would be sixty times the traffic.
     */
    private static Duration resolution(Optional<Duration> declared, TraceReader.Rows rows, Optional<Node> resolutionNode,
            Node fileNode, String keyPath, SideFile file) {
        if (rows.timeResolution().isPresent()) {
            Duration fromTime = rows.timeResolution().get();
            if (declared.isPresent() && !declared.get().equals(fromTime)) {
                throw Section.error("traffic.trace.resolution must match the trace's time column, whose rows are "
                        + Durations.format(fromTime) + " apart (" + rows.timeAt() + ")", resolutionNode.get());
            }
            return fromTime;
        }
        return declared.orElseThrow(() -> Section.error(keyPath + " needs a resolution, e.g. {file: " + Excerpt.of(
                file.path().getFileName().toString()) + ", resolution: 1m}, as " + file + " has no time column to read it from"
                + " (a first column of timestamps, or of numbers headed second or minute)", fileNode));
    }

    /** {@code from} or {@code to} of a trace slice: a duration into the trace, a whole number of buckets, within it. */
    private static Duration slicePoint(Section s, String key, Duration defaultValue, Duration resolution, Duration length) {
        Optional<Node> node = s.node(key);
        if (node.isEmpty()) {
            return defaultValue;
        }
        Duration d = Section.duration(node.get(), s.path(key));
        if (Trace.bucketAt(d, resolution, length) < 0) {
            throw Section.error(s.path(key) + " must be a whole number of buckets (" + Durations.format(resolution)
                    + ") into the trace, at most its length " + Durations.format(length), node.get());
        }
        return d;
    }
}
