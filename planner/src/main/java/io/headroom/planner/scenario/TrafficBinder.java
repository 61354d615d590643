package io.headroom.planner.scenario;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds {@code traffic}: {@code duration} (required, &gt; 0), {@code arrivals} ({@code poisson} or
 * {@code uniform}, default poisson) and exactly one of {@code profile} (segments {@code {at, rps}} or
 * {@code {at, rampTo, over}}, in time order, a ramp ending before the next segment starts, each
 * starting before the run ends) or {@code trace} (a path, or {@code {file, resolution: 1s|1m}},
 * resolution 1s by default; the run may not outlast the trace).
 */
final class TrafficBinder {
    static final List<String> KEYS = List.of("duration", "arrivals", "profile", "trace");
    private static final List<String> SEGMENT_KEYS = List.of("at", "rps", "rampTo", "over");
    private static final List<String> TRACE_KEYS = List.of("file", "resolution");
    private static final List<String> ARRIVALS = List.of("poisson", "uniform");
    private static final List<Duration> RESOLUTIONS = List.of(Duration.ofSeconds(1), Duration.ofMinutes(1));

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
        Traffic traffic = Section.build(() -> new Traffic(duration, arrivals, shape), "traffic", s.location());
        WorkEstimate.checkRequests(traffic, limits, durationNode);
        return traffic;
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
        Duration resolution = Duration.ofSeconds(1);
        if (!(node instanceof ScalarNode)) {
            Section s = Section.of(node, "traffic.trace", TRACE_KEYS);
            fileNode = s.required("file");
            Optional<Node> resolutionNode = s.node("resolution");
            if (resolutionNode.isPresent()) {
                resolution = Section.duration(resolutionNode.get(), s.path("resolution"));
                if (!RESOLUTIONS.contains(resolution)) {
                    throw Section.error(s.path("resolution") + " must be 1s or 1m", resolutionNode.get());
                }
            }
        }
        String keyPath = node == fileNode ? "traffic.trace" : "traffic.trace.file";
        SideFile file = SideFile.resolve(folder, fileNode, keyPath);
        String lower = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            throw Section.error(keyPath + " must name a CSV file of request counts (one row per bucket, the count last;"
                    + " JSON and YAML traces are not read)", fileNode);
        }
        List<Integer> counts = TraceReader.counts(file);
        if (counts.isEmpty()) {
            throw new InvalidInputException("a trace must hold at least one count row but " + file + " had none ("
                    + fileNode.location() + ")");
        }
        Duration bucket = resolution;
        Trace trace = Section.build(() -> new Trace(file.toString(), bucket, counts), keyPath, fileNode.location());
        if (runLength.compareTo(trace.length()) > 0) {
            throw Section.error("traffic.duration must be <= the trace's length, " + Durations.format(trace.length()) + " ("
                    + counts.size() + " rows of " + Durations.format(bucket) + " in " + file + ")", durationNode);
        }
        return trace;
    }
}
