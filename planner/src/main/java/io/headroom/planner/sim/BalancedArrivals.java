package io.headroom.planner.sim;

/**
 * The fast engine's arrivals behind a balancer ({@code service.routing} round-robin, random,
 * least-in-flight; Knative's queue-proxies while its activator is out of the path): each replica's
 * own queue in steady state ({@link ReplicaQueueStationary}, {@link ShortestQueueStationary}) at the
 * modified offered load, the fluid backlog holding what the replicas' queue places take beyond it.
 * Mutable, one thread; owned by {@link FastEngine}.
 */
final class BalancedArrivals {
    private final FluidFlow flow;
    private final StationaryQueue stationary;
    private final int replicaQueueLimit;
    private final long waitLimitNanos;
    /** In deep overload ({@link #deep}), the overloaded model's served waits, its waiting share and mean wait per arrival. */
    private final double[] overloadedShares = new double[WaitGrid.BINS];
    private double overloadedWaiting;
    private double overloadedWait;
    /** The content the overloaded model holds (λ·E[W] at the offered load), and how far the queues have filled towards it. */
    private double fullContent;
    private double filled;
    /** Whether the model at capacity, fed all arrivals, would hold more than the overloaded queues do (see {@link #arrive}). */
    private boolean deep;
    private final double[] scaledShares = new double[WaitGrid.BINS];

    BalancedArrivals(FluidFlow flow, StationaryQueue stationary, int replicaQueueLimit, long waitLimitNanos) {
        this.flow = flow;
        this.stationary = stationary;
        this.replicaQueueLimit = replicaQueueLimit;
        this.waitLimitNanos = waitLimitNanos;
    }

    /**
     * The step's arrivals at {@code slots} ready slots on {@code ready} replicas: with no replica ready all get 503 (the balancer has no
     * backend); else the stationary 503 share is refused at once, the share still waiting at the
     * timeout gets 504, the rest starts on free slots or joins the fluid backlog, which holds at most
     * the replicas' queue places (ready replicas × {@code replicaQueueLimit}); beyond them, 503. Returns how many
     * started.
     */
    double arrive(long t, long step, double arrivals, int slots, int ready) {
        flow.offered += arrivals * (1 - flow.service.sameStepShare());
        if (arrivals <= 0 || slots <= 0) {
            if (arrivals > 0) {
                flow.recorder.rejected(flow.recorder.slotOf(t), arrivals);
            }
            flow.stationaryQueue = flow.queueTowards(0, 0);
            return 0;
        }
        int slot = flow.recorder.slotOf(t);
        double rejectedShare = solveFilling(slots, arrivals);
        double rejectedNow = arrivals * rejectedShare;
        double timedOutNow = arrivals * stationary.timedOutShare;
        flow.recorder.rejected(slot, rejectedNow);
        flow.recorder.timedOutWaiting(slot, timedOutNow);
        // the model at capacity with the backlog behind it; in deep overload the overloaded queues themselves (see deep)
        double waitingShare = deep ? overloadedWaiting : stationary.waitingShare;
        double meanWait = deep ? overloadedWait * filled : stationary.meanWaitSeconds;
        double[] waitShares = deep ? WaitGrid.scaled(overloadedShares, filled, scaledShares) : stationary.servedWaitShares;
        flow.recorder.waited(arrivals * waitingShare, arrivals * meanWait);
        double admitted = arrivals - rejectedNow - timedOutNow;
        double servedShare = 1 - rejectedShare - stationary.timedOutShare;
        double waitingServed = waitingShare - stationary.timedOutShare;
        double startNoWait = servedShare <= 0 ? 1 : Math.max(0, Math.min(1, 1 - waitingServed / servedShare));
        // Little's law: λ·E[min(W, H)] requests wait, reached over a waiting request's mean wait
        double lag = Math.max(stationary.waitOfWaitingSeconds(), stationary.relaxationSeconds(ready, slots, flow.offered));
        double places = (double) ready * replicaQueueLimit;
        double steadyContent = deep ? fullContent : arrivals / (flow.stepNanos / 1e9) * stationary.meanWaitSeconds;
        flow.stationaryQueue = flow.queueTowards(steadyContent, lag);
        if (!stationary.refusesWhileFilling()) {
            // the pool's 503s are the fluid's: its backlog holds its places, the stationary queue's fluctuation has the rest
            flow.stationaryQueue = Math.min(flow.stationaryQueue, Math.max(0, places - flow.backlog.queued()));
        }
        // the backlog's starts of this step shorter than half a step have freed their slots again
        double free = flow.startable(Math.max(0, Math.min(slots, flow.carriedSlots) - flow.busy
                + flow.drainedNow * flow.service.sameStepShare()));
        double start = Math.min(free, admitted);
        if (start > 0) {
            flow.startNow(slot, start, startNoWait, waitShares);
        }
        double rest = admitted - start;
        if (rest > 0) {
            // the replicas' queue places not already taken (the pool's: not by the fluid backlog, which comes first)
            double taken = flow.backlog.queued() + (stationary.refusesWhileFilling() ? flow.stationaryQueue : 0);
            double fits = Math.max(0, Math.min(rest, places - taken));
            if (waitLimitNanos == 0 || fits <= 0) {
                flow.recorder.rejected(slot, rest);
            } else {
                flow.recorder.rejected(slot, rest - fits);
                if (stationary.refusesWhileFilling()) {
                    // behind the queues at capacity, in the same places: the stationary wait adds to the age
                    flow.backlog.add(step, fits, startNoWait, waitShares);
                } else {
                    // least-in-flight: the backlog holds the places first, the stationary queue only what it leaves
                    flow.backlog.add(step, fits);
                    flow.stationaryQueue = Math.min(flow.stationaryQueue, places - flow.backlog.queued());
                }
            }
        }
        return Math.max(0, start);
    }

    /**
     * The stationary state behind a balancer, and the share of this step's arrivals refused at once.
     * Below capacity it is the stationary model's at the modified offered load. Above it (m &gt; slots)
     * the replicas' queues do not fill at once: they fill at the excess rate, in (places)/(λ − capacity),
     * which for a queue of 100 is minutes. So in overload the stationary model is read at the capacity
     * (ρ = 1: the queue's noise, its waits and its 503s at full load), the excess is carried by the fluid
     * backlog (FIFO, so its wait adds to the stationary one), and the overload's extra 503s come in as the
     * queues fill: share r(1) + (r(m) − r(1))·φ, φ = min(1, (stationary queue + backlog) / λ·E[W](m)), the
     * content the stationary model at m holds by Little's law. Once filled (φ = 1) it is r(m), and the
     * backlog holds what the stationary queue at capacity does not. The slots the fluid may fill are
     * then the carried load, m·(1 − r(m)), not every slot: behind a balancer some replicas idle while
     * others' queues are full (without this the fluid carried every slot's capacity and refused only
     * the fluid excess 1 − capacity/λ: 16.6 % instead of M/M/1/21's 17.0 % at ρ = 1.2). Least-in-flight
     * ({@link StationaryQueue#refusesWhileFilling}: no) is different: JSQ refuses only when every queue is
     * full, so in overload nothing is refused at once; the fluid backlog fills the pool's places first
     * (the stationary queue's fluctuation has what it leaves) and refuses what does not fit, the excess
     * (static 50, least-in-flight: 3.76 % against DES's 3.77 %, first 503s 1 s from DES's; refused in
     * proportion to the fill, as for random routing, it was 4.58 % and 31 s early).
     *
     * <p>Deep overload ({@link #deep}): where the model at capacity, fed every arrival, would hold more
     * than the overloaded queues do (λ·E[W] at capacity above λ·E[W](m): at ρ = 3.5 on 1-slot replicas
     * with a queue of 20, 1,800 requests in 1,000 places) the decomposition no longer holds: the queues
     * are full, so the overloaded model itself holds the content and gives the waits, scaled by the fill
     * φ (a request waits the content ahead of it). Its median is M/M/1/21's within 3 % at ρ = 3, where
     * the model at capacity gave 2.1 s for 4.0 s (BalancerOverloadTest).
     */
    private double solveFilling(int slots, double arrivals) {
        deep = false;
        stationary.solve(slots, flow.offered);
        if (flow.offered <= slots) {
            flow.carriedSlots = Double.MAX_VALUE;
            return stationary.rejectedShare;
        }
        double overloaded = stationary.rejectedShare;
        flow.carriedSlots = flow.offered * (1 - overloaded - stationary.timedOutShare);
        double rate = arrivals / (flow.stepNanos / 1e9);
        fullContent = rate * stationary.meanWaitSeconds;
        System.arraycopy(stationary.servedWaitShares, 0, overloadedShares, 0, overloadedShares.length);
        overloadedWaiting = stationary.waitingShare;
        overloadedWait = stationary.meanWaitSeconds;
        stationary.solve(slots, slots);
        double atCapacity = stationary.rejectedShare;
        if (!stationary.refusesWhileFilling()) {
            return 0;
        }
        filled = fullContent <= 0 ? 1 : Math.min(1, (flow.stationaryQueue + flow.backlog.queued()) / fullContent);
        deep = rate * stationary.meanWaitSeconds > fullContent;
        return atCapacity + Math.max(0, overloaded - atCapacity) * filled;
    }
}
