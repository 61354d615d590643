package io.headroom.planner.sim;

/**
 * The fast engine's fluid state, shared by the step loop ({@link FastEngine}) and its arrival paths
 * (the central queue's {@link CentralArrivals}, a balancer's {@link BalancedArrivals}, Knative's
 * {@link FluidActivator}): the busy slots, the offered load's infinite-server count (the modified
 * offered load), the stationary queue's content, and the backlog and recorder they write to. Mutable,
 * one thread; its fields are read and written by the engine's classes directly.
 */
final class FluidFlow {
    final FluidRecorder recorder;
    final FluidBacklog backlog;
    final ServiceTimeTable service;
    final long stepNanos;
    final double errorRate;
    /** Per-replica routing (a balancer, or Knative's queue-proxies) rather than azureml-fe's central queue. */
    final boolean balanced;

    /** Busy slots. */
    double busy;
    /** The modified offered load: what an infinite-server system would hold. */
    double offered;
    /** Requests in the stationary queue over this step. */
    double stationaryQueue;
    /** Behind a balancer in overload: the slots the stationary model keeps busy (the carried load); else unbounded. */
    double carriedSlots = Double.MAX_VALUE;
    /** Service capacity of the ready slots, requests per second (slots / the mean, slowed, service time). */
    double capacityPerSecond;
    /** Backlog started at this step's start (read by the balanced arrivals). */
    double drainedNow;

    FluidFlow(FluidRecorder recorder, FluidBacklog backlog, ServiceTimeTable service, long stepNanos, double errorRate,
            boolean balanced) {
        this.recorder = recorder;
        this.backlog = backlog;
        this.service = service;
        this.stepNanos = stepNanos;
        this.errorRate = errorRate;
        this.balanced = balanced;
    }

    /**
     * How many requests {@code free} slots take within a step. The central queue: one each. Behind a
     * balancer: requests shorter than half a step ({@link ServiceTimeTable#sameStepShare}) free their slot
     * within the step, so {@code free / (1 − share)} start; without this a saturated replica set
     * carried 0.8 % less than its capacity (200 ms exponential service, 25 ms steps), and the stationary
     * M/M/k/K admitted share, within 0.4 % of capacity at ρ = 1.2, piled up as backlog.
     */
    double startable(double free) {
        return balanced ? free / (1 - service.sameStepShare()) : free;
    }

    /**
     * Behind a balancer the stationary queue moves towards its steady content {@code target} with the
     * time constant {@code waitSeconds}: a waiting request's mean wait (a first-order lag: a queue fills
     * and empties over about one wait), or for the pooled queue of least-in-flight its relaxation time
     * when longer ({@link StationaryQueue#relaxationSeconds}: at full load the pool's stationary content
     * is half its places, which a real queue reaches only over minutes). Cheaper than the central queue's
     * by-age account, whose cost per step is the max wait in steps, which for a replica queue of 100 is
     * hundreds.
     */
    double queueTowards(double target, double waitSeconds) {
        double h = stepNanos / 1e9;
        double keep = waitSeconds <= 0 ? 0 : Math.exp(-h / waitSeconds);
        return target + (stationaryQueue - target) * keep;
    }

    /**
     * {@code start} requests of this step's arrivals start on free slots: a share {@code startNoWait} of them did
     * not wait, the others waited as {@code queue}'s served waits spread.
     */
    void startNow(int slot, double start, double startNoWait, StationaryQueue queue) {
        startNow(slot, start, startNoWait, queue.servedWaitShares);
    }

    /**
     * {@code start} requests of this step's arrivals start on free slots: a share {@code startNoWait} of them did
     * not wait, the others waited as {@code shares} spread (over the {@link WaitGrid} bins of the max wait).
     */
    void startNow(int slot, double start, double startNoWait, double[] shares) {
        recorder.served(slot, start, errorRate);
        recorder.servedWait(slot, 0, start * startNoWait);
        double waiting = start * (1 - startNoWait);
        if (waiting > 0) {
            for (int b = 0; b < shares.length; b++) {
                recorder.servedStationaryWait(slot, b, waiting * shares[b]);
            }
        }
        busy += start;
    }
}
