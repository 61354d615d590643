package io.headroom.planner.traffic;

import io.headroom.planner.time.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * A piecewise request rate: steps and linear ramps, each starting at its {@code at}. Before the
 * first segment the rate is 0. Segments are in time order and a ramp ends before the next segment.
 */
public record RateProfile(List<Segment> segments) implements TrafficShape {
    public RateProfile {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one segment");
        }
        long previousEndNanos = 0;
        for (Segment s : segments) {
            if (s.at().toNanos() < previousEndNanos) {
                throw new IllegalArgumentException("profile segments must be in time order, each after the previous one ends, but one starts at "
                        + Durations.format(s.at()) + ", before " + Durations.format(java.time.Duration.ofNanos(previousEndNanos)));
            }
            previousEndNanos = s.at().toNanos() + (s instanceof Segment.Ramp r ? r.over().toNanos() : 0);
        }
    }

    @Override
    public PiecewiseLinearRate rate() {
        List<double[]> points = new ArrayList<>();
        double current = 0;
        points.add(new double[] {0, 0});
        for (Segment s : segments) {
            double at = Durations.seconds(s.at());
            points.add(new double[] {at, current});
            if (s instanceof Segment.Step step) {
                current = step.rps();
                points.add(new double[] {at, current});
            } else if (s instanceof Segment.Ramp ramp) {
                current = ramp.toRps();
                points.add(new double[] {at + Durations.seconds(ramp.over()), current});
            }
        }
        return PiecewiseLinearRate.of(points);
    }
}
