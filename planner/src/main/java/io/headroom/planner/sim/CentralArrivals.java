package io.headroom.planner.sim;

/**
 * The fast engine's arrivals at azureml-fe's central queue: the stationary M/M/c+D share
 * ({@link StationaryRouter}) at the ready slots and the modified offered load, scaled by how far the
 * queue has filled towards the content that rejects ({@link QueueFill}), is rejected, the rest
 * starts on free slots or joins the fluid backlog, with the stationary waits scaled by the fill too;
 * the stationary queue's content is followed by age, so it builds up over the max wait after a jump,
 * as a queue does. Mutable, one thread; owned by {@link FastEngine}.
 */
final class CentralArrivals {
    private final FluidFlow flow;
    private final StationaryQueue stationary;
    private final long waitLimitNanos;
    /**
     * The stationary queue's content by arrival step (a ring): [j][i] = arrivals of step j still
     * waiting at age i steps.
     */
    private final double[][] waitingByAge;

    /** How far the queue has filled, against its steady state. */
    private final QueueFill fill;
    /** A waiting request's mean wait at the last step with arrivals: the lag of the content without ages. */
    private double lag;
    /** The stationary waits scaled while the queue fills ({@link QueueFill#waitScale}), reused each step. */
    private final double[] scaledShares = new double[WaitGrid.BINS];

    CentralArrivals(FluidFlow flow, StationaryQueue stationary, long waitLimitNanos, double serviceCv) {
        this.flow = flow;
        this.stationary = stationary;
        this.waitLimitNanos = waitLimitNanos;
        this.fill = new QueueFill(serviceCv, waitLimitNanos / 1e9, flow.stepNanos / 1e9);
        this.waitingByAge = new double[stationary.ages() + 1][stationary.ages()];
    }

    /**
     * The step's arrivals at {@code slots} ready slots: the stationary share is rejected, the rest starts or joins
     * the backlog. Returns how many started.
     */
    double arrive(long t, long step, double arrivals, int slots) {
        // the share that departs within this step never counts (its requests are shorter than half a step)
        flow.offered += arrivals * (1 - flow.service.sameStepShare());
        double[] byAge = waitingByAge.length > 1 ? waitingByAge[(int) (step % waitingByAge.length)] : null;
        if (byAge != null) {
            java.util.Arrays.fill(byAge, 0);
        }
        if (arrivals <= 0) {
            flow.stationaryQueue = stationaryQueue(step, 0, lag);
            return 0;
        }
        int slot = flow.recorder.slotOf(t);
        double admitted = arrivals;
        double startNoWait = 1;
        double[] waitShares = null;
        if (slots > 0) {
            stationary.solve(slots, flow.offered);
            // while the queue is still filling towards the content that rejects, fewer than the stationary share
            double filled = fill.advance(arrivals / (flow.stepNanos / 1e9), flow.capacityPerSecond);
            double rejectedNow = arrivals * Math.min(1, stationary.rejectedShare * filled);
            admitted -= rejectedNow;
            flow.recorder.rejected(slot, rejectedNow);
            // and its waits are those of the content so far, not yet of the steady one
            double waitScale = fill.waitScale();
            waitShares = waitScale < 1 ? WaitGrid.scaled(stationary.servedWaitShares, waitScale, scaledShares)
                    : stationary.servedWaitShares;
            flow.recorder.waited(arrivals * stationary.waitingShare, arrivals * stationary.meanWaitSeconds * waitScale);
            if (byAge != null) {
                double[] still = stationary.stillWaitingShares;
                for (int i = 0; i < byAge.length; i++) {
                    byAge[i] = arrivals * still[i];
                }
            }
            double servedShare = 1 - stationary.rejectedShare;
            startNoWait = servedShare <= 0 ? 1 : Math.min(1, (1 - stationary.waitingShare) / servedShare);
            lag = stationary.waitOfWaitingSeconds();
        }
        flow.stationaryQueue = stationaryQueue(step, slots > 0 ? arrivals / (flow.stepNanos / 1e9) * stationary.meanWaitSeconds : 0, lag);
        double free = Math.max(0, slots - flow.busy);
        double start = Math.min(free, admitted);
        if (start > 0) {
            flow.startNow(slot, start, startNoWait, waitShares);
        }
        double rest = admitted - start;
        if (rest > 0) {
            if (waitLimitNanos == 0 || flow.backlog.queued() + rest > RouterModel.MAX_QUEUED) {
                flow.recorder.rejected(slot, rest);
            } else {
                flow.backlog.add(step, rest, startNoWait, waitShares);
            }
        }
        return Math.max(0, start);
    }

    /**
     * Requests of the recent steps still in the stationary queue over this step; without the content by age (a long
     * max wait: {@link StationaryQueue#MAX_AGES}) Little's law, λ·E[wait] = {@code target}, reached over {@code lagSeconds}.
     */
    private double stationaryQueue(long step, double target, double lagSeconds) {
        if (waitingByAge.length == 1 && waitLimitNanos > 0) {
            return flow.queueTowards(target, lagSeconds);
        }
        double total = 0;
        int ages = waitingByAge.length - 1;
        for (int i = 0; i < ages && i <= step; i++) {
            total += waitingByAge[(int) ((step - i) % waitingByAge.length)][i];
        }
        return total;
    }
}
