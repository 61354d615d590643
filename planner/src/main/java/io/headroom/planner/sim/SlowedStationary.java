package io.headroom.planner.sim;

import io.headroom.planner.scenario.Service;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stationary model {@link FastEngine} reads under {@code service.slowdown}: the same model as without
 * one ({@link StationaryQueue#of}), at the mean service time stretched by the factor of the replicas' mean
 * occupancy, E[S]·(1 + b·(k̄ − 1)) with k̄ the requests in flight per ready replica when one starts.
 *
 * <p>That is the stationary model with a load-<em>independent</em> service time at the mean occupancy's
 * factor, not the load-dependent birth–death chain (μ<sub>k</sub> = k / (E[S]·(1 + b(k − 1))) per
 * replica): below capacity, where the slowdown shows in the mean latency, the 503 share is about 0 either
 * way and the factor of the mean occupancy gives the mean service time exactly (the factor is linear in
 * k); at capacity every slot is busy and both models serve at c / (E[S]·(1 + b(c − 1))). Between them,
 * near full slots, the chain's service rate rises and falls with the queue, this model's does not.
 *
 * <p>Models are built at factors on a grid of relative {@value #GRID} and kept in a small memo (at most
 * {@value #KEPT}, least recently used dropped: a central queue's model holds its memo tables, megabytes);
 * the factor in use changes only when the occupancy's factor leaves its grid cell by a whole cell, so a
 * factor that wavers at a cell's edge does not rebuild models. The factor moves with the fluid busy count,
 * which has no noise, so a run builds a few models per ramp. Deterministic; mutable, one thread.
 */
final class SlowedStationary {
    static final double GRID = 0.01;
    private static final int KEPT = 4;
    private static final double LOG_GRID = Math.log1p(GRID);

    private final Service service;
    private final double meanServiceSeconds;
    private final double horizonSeconds;
    private final double stepSeconds;
    private final Map<Long, StationaryQueue> kept = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StationaryQueue> eldest) {
            return size() > KEPT;
        }
    };
    private long cell;
    private StationaryQueue current;

    /** Starts at factor 1 with {@code unslowed}, the engine's model of {@code service} without a slowdown. */
    SlowedStationary(Service service, double horizonSeconds, double stepSeconds, StationaryQueue unslowed) {
        this.service = service;
        this.meanServiceSeconds = service.serviceTime().mean().toNanos() / 1e9;
        this.horizonSeconds = horizonSeconds;
        this.stepSeconds = stepSeconds;
        this.cell = 0;
        this.current = unslowed;
        kept.put(0L, unslowed);
    }

    /** The model at {@code factor} ≥ 1 (at its grid cell, or the current one while within a cell of it). */
    StationaryQueue at(double factor) {
        double position = Math.log(Math.max(1, factor)) / LOG_GRID;
        if (Math.abs(position - cell) <= 1) {
            return current;
        }
        cell = Math.round(position);
        current = kept.computeIfAbsent(cell, c -> StationaryQueue.of(service, meanServiceSeconds * Math.exp(c * LOG_GRID),
                horizonSeconds, stepSeconds));
        return current;
    }
}
