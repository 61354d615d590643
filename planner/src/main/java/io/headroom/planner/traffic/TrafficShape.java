package io.headroom.planner.traffic;

/** The rate of requests over time: a piecewise profile or a replayed trace. */
public sealed interface TrafficShape permits RateProfile, Trace {
    /** The rate as a piecewise-linear function of time. */
    PiecewiseLinearRate rate();
}
