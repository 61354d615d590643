package io.headroom.planner.sim;

/** Told how far a long computation has come, as a fraction in [0, 1]; called from any thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = fraction -> { };

    void update(double fraction);
}
