package io.headroom.planner.scenario;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds {@code autoscaler.schedule}: a list of {@code {from, to, minReplicas}}. {@code from} and
 * {@code to} are durations since the start ({@code 9m30s}) or, when {@code traffic.start} is set,
 * clock times {@code HH:MM} or {@code HH:MM:SS} in its zone — the first such time at or after the
 * start (for {@code to}, the first after {@code from}, so a floor may cross midnight).
 * {@code minReplicas} is at least 1 and at most the policy's maxReplicas.
 */
final class ScheduleBinder {
    private static final Pattern CLOCK = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final ValueKind TIME = new ValueKind.AnyOf(List.of(ValueKind.DURATION, new ValueKind.TextMatching(CLOCK.pattern())));
    static final Keys KEYS = Keys.of(
            Key.required("from", TIME, "where the floor starts: a duration since the start, or HH:MM[:SS] with traffic.start"),
            Key.required("to", TIME, "where the floor ends (exclusive): a duration since the start, or HH:MM[:SS] with traffic.start"),
            Key.required("minReplicas", ValueKind.WHOLE_NUMBER, "the floor, in 1..maxReplicas"));

    private ScheduleBinder() {
    }

    static Schedule bind(Optional<Node> autoscaler, AutoscalerSpec spec, Traffic traffic) {
        if (autoscaler.isEmpty() || !(autoscaler.get() instanceof Node.MapNode map) || !map.fields().containsKey("schedule")) {
            return Schedule.NONE;
        }
        Node node = map.fields().get("schedule").value();
        ListNode list = Section.asList(node, "autoscaler.schedule");
        List<Schedule.Floor> floors = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "autoscaler.schedule[" + i + "]";
            Section f = Section.of(list.items().get(i), path, KEYS);
            long from = time(f.required("from"), f.path("from"), traffic, 0);
            long to = time(f.required("to"), f.path("to"), traffic, from);
            if (to <= from) {
                throw Section.error(f.path("to") + " must be after " + f.path("from") + " (" + from + " s)", f.required("to"));
            }
            int min = f.intAtLeast("minReplicas", 1, 1);
            if (min > spec.maxReplicas()) {
                throw Section.error(f.path("minReplicas") + " must be <= the policy's maxReplicas, " + spec.maxReplicas(),
                        f.required("minReplicas"));
            }
            floors.add(new Schedule.Floor(from, to, min));
        }
        return new Schedule(floors);
    }

    /** Seconds since the start of {@code node}: a duration, or a clock time after {@code afterSecond} (needs traffic.start). */
    private static long time(Node node, String path, Traffic traffic, long afterSecond) {
        String text = node instanceof ScalarNode s ? s.text() : null;
        if (text != null && CLOCK.matcher(text).matches()) {
            if (traffic.start().isEmpty()) {
                throw Section.error(path + " is a clock time, which needs traffic.start; without it give a duration since the start,"
                        + " e.g. '9m30s'", node);
            }
            LocalTime at;
            try {
                at = LocalTime.parse(text.length() == 4 || text.length() == 7 ? "0" + text : text);
            } catch (DateTimeParseException e) {
                throw Section.error(path + " must be a clock time HH:MM or HH:MM:SS", node);
            }
            ZonedDateTime start = traffic.start().get();
            ZonedDateTime after = start.plusSeconds(afterSecond);
            ZonedDateTime t = after.with(at);
            if (afterSecond == 0 ? t.isBefore(start) : !t.isAfter(after)) {
                t = t.plusDays(1);
            }
            return Duration.between(start, t).getSeconds();
        }
        Duration d = Section.duration(node, path);
        if (d.getNano() != 0) {
            throw Section.error(path + " must be whole seconds", node);
        }
        return d.getSeconds();
    }
}
