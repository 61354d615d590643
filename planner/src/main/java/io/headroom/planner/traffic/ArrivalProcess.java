package io.headroom.planner.traffic;

/** How request times are spread around the rate: at random (Poisson) or evenly spaced. */
public enum ArrivalProcess {
    /** A non-homogeneous Poisson process: unit-exponential gaps in cumulative-rate time. */
    POISSON,
    /** Evenly spaced in cumulative-rate time: the k-th request where the expected count reaches k. */
    UNIFORM
}
