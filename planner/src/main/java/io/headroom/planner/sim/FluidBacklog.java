package io.headroom.planner.sim;

/**
 * The fast engine's fluid backlog: requests that found no free slot, by arrival step (a ring), carried
 * between steps until they start, oldest first, or wait past the horizon ({@link FastEngine}'s
 * backlog carry-over). What is past the horizon leaves as 503, or as 504 behind a balancer whose
 * horizon is the timeout.
 *
 * <p>Behind the central queue an arrival step's admitted requests also carry the stationary queue's
 * waits ({@link #add(long, double, double, double[])}): in overload the stationary model has already
 * rejected the excess, so what it admits is about the capacity and leaves the backlog within a step
 * or two, while the queue it stands for holds them up to the max wait. A request's wait is then the
 * larger of its age in the backlog and its stationary wait (the share that would not have waited:
 * its age; the stationary waits as scaled by the queue's fill, {@link QueueFill#waitScale}); without
 * this the latency read the age alone (one replica of 8 slots offered 25 times its capacity with a 2 s
 * max wait: p50 160 ms where every DES request waited 2 s and the mean wait read 2.00 s). The
 * stationary waits are counted in the mean wait when the request arrives ({@link CentralArrivals}),
 * so here only the age beyond them counts. A horizon longer than {@value #MAX_STEPS_WITH_WAITS} steps
 * (a max wait of minutes) keeps only their mean, not their spread.
 *
 * <p>Behind a balancer the stationary model stands for the replicas' queues at their capacity and the
 * backlog for the excess queued behind it in the same places ({@link BalancedArrivals}), so a request's
 * stationary wait adds to its age instead. Mutable, one thread.
 */
final class FluidBacklog {
    /** The longest horizon, in steps, whose arrival steps keep their stationary waits (40 doubles each). */
    static final int MAX_STEPS_WITH_WAITS = 4096;

    private final double[] amounts;
    /** Per arrival step: the share of its requests the stationary queue would have started at once (1 without one). */
    private final double[] noWait;
    /** Per arrival step: how the others' stationary waits spread over the {@link WaitGrid} bins of the max wait (null for a long horizon). */
    private final double[][] waitShares;
    /** Per arrival step: the others' mean stationary wait, in seconds: what a long horizon keeps instead of the spread (else null). */
    private final double[] waitingMeans;
    private final long stepNanos;
    private final long horizonNanos;
    private final double horizonSeconds;
    private final boolean expiryTimesOut;
    /** Whether a request's stationary wait adds to its age (behind a balancer) rather than bounding it from below. */
    private final boolean waitsAdd;
    private final double errorRate;
    private final FluidRecorder recorder;
    private long oldestStep;
    private double queued;

    FluidBacklog(long stepNanos, long horizonNanos, boolean expiryTimesOut, boolean waitsAdd, double errorRate, FluidRecorder recorder) {
        this.amounts = new double[(int) (horizonNanos / stepNanos) + 2];
        this.noWait = new double[amounts.length];
        // the stationary waits of each step cost WaitGrid.BINS doubles a step: none for a long horizon (then the age)
        this.waitShares = amounts.length <= MAX_STEPS_WITH_WAITS ? new double[amounts.length][WaitGrid.BINS] : null;
        this.waitingMeans = waitShares == null ? new double[amounts.length] : null;
        this.stepNanos = stepNanos;
        this.horizonNanos = horizonNanos;
        this.horizonSeconds = horizonNanos / 1e9;
        this.expiryTimesOut = expiryTimesOut;
        this.waitsAdd = waitsAdd;
        this.errorRate = errorRate;
        this.recorder = recorder;
    }

    /** Requests waiting in the backlog. */
    double queued() {
        return queued;
    }

    /** Whether nothing waits; an empty backlog starts over at {@code step}. */
    boolean emptyAt(long step) {
        if (queued <= 0) {
            oldestStep = step;
            return true;
        }
        return false;
    }

    /** {@code amount} requests of step {@code step} join the backlog; their wait is their age in it. */
    void add(long step, double amount) {
        add(step, amount, 1, null);
    }

    /**
     * {@code amount} requests of step {@code step} join the backlog: a share {@code startNoWait} of them would
     * have started at once in the stationary queue, the others waited as {@code shares} spread (over the
     * {@link WaitGrid} bins of the max wait).
     */
    void add(long step, double amount, double startNoWait, double[] shares) {
        if (queued <= 0) {
            oldestStep = step;
        }
        int i = (int) (step % amounts.length);
        double before = amounts[i];
        double total = before + amount;
        // mixed with what the step already holds, by amount
        double keep = total > 0 ? before / total : 0;
        noWait[i] = before > 0 ? keep * noWait[i] + (1 - keep) * startNoWait : startNoWait;
        amounts[i] = total;
        queued += amount;
        if (waitShares == null) {
            double mean = 0;
            if (shares != null) {
                for (int b = 0; b < shares.length; b++) {
                    mean += shares[b] * stationaryWait(b);
                }
            }
            waitingMeans[i] = before > 0 ? keep * waitingMeans[i] + (1 - keep) * mean : mean;
            return;
        }
        double[] mine = waitShares[i];
        for (int b = 0; b < mine.length; b++) {
            double share = shares == null ? 0 : shares[b];
            mine[b] = before > 0 ? keep * mine[b] + (1 - keep) * share : share;
        }
    }

    /**
     * At the start {@code t} of step {@code step}: backlog past the horizon leaves (503, or 504), the rest
     * starts on {@code free} slots, oldest first, each with its wait recorded. Returns how many started.
     */
    double drain(long t, long step, double free) {
        double started = 0;
        for (long j = oldestStep; j < step; j++) {
            int i = (int) (j % amounts.length);
            double amount = amounts[i];
            if (amount <= 0) {
                oldestStep = j + 1;
                continue;
            }
            long arrivalNanos = j * stepNanos + stepNanos / 2;
            double waitSeconds = (t - arrivalNanos) / 1e9;
            int slot = recorder.slotOf(j * stepNanos);
            if (t - arrivalNanos > horizonNanos) {
                if (expiryTimesOut) {
                    recorder.timedOutWaiting(slot, amount);
                } else {
                    recorder.rejected(slot, amount);
                }
                waited(i, amount, horizonSeconds, -1);
            } else if (free > 0) {
                double take = Math.min(free, amount);
                free -= take;
                started += take;
                recorder.served(slot, take, errorRate);
                waited(i, take, waitSeconds, slot);
                amount -= take;
                if (amount > 0) {
                    amounts[i] = amount;
                    queued -= take;
                    break;
                }
            } else {
                break;
            }
            queued -= amounts[i];
            amounts[i] = 0;
            oldestStep = j + 1;
        }
        if (oldestStep >= step) {
            queued = 0;
        }
        return started;
    }

    /**
     * {@code count} requests of ring entry {@code i} waited {@code ageSeconds} in the backlog: each one's wait is the
     * larger of that and its stationary wait; the mean wait takes the age of those the stationary queue had not
     * counted as waiting and the excess of the others' age over their stationary wait. With {@code slot} ≥ 0 they
     * were served, and their waits go to that arrival second's latencies.
     */
    private void waited(int i, double count, double ageSeconds, int slot) {
        double atOnce = count * noWait[i];
        double waiting = count - atOnce;
        if (slot >= 0) {
            recorder.servedWaitOf(slot, ageSeconds, atOnce);
        }
        double excess = 0;
        if (waiting > 0 && waitShares == null) {
            // a long horizon: the others' stationary waits as their mean
            excess = waitsAdd ? ageSeconds : Math.max(0, ageSeconds - waitingMeans[i]);
            if (slot >= 0) {
                recorder.servedWaitOf(slot, wait(ageSeconds, waitingMeans[i]), waiting);
            }
        } else if (waiting > 0) {
            double[] shares = waitShares[i];
            int ageBin = recorder.waitBinAt(ageSeconds);
            for (int b = 0; b < shares.length; b++) {
                if (shares[b] <= 0) {
                    continue;
                }
                double stationary = stationaryWait(b);
                excess += shares[b] * (waitsAdd ? ageSeconds : Math.max(0, ageSeconds - stationary));
                if (slot >= 0 && waitsAdd) {
                    recorder.servedWaitOf(slot, ageSeconds + stationary, waiting * shares[b]);
                } else if (slot >= 0) {
                    recorder.servedWait(slot, ageSeconds > stationary ? ageBin : 1 + b, waiting * shares[b]);
                }
            }
        }
        recorder.waited(atOnce, atOnce * ageSeconds + waiting * excess);
    }

    /** A waiting request's wait from its age and its stationary wait: their sum behind a balancer, else the larger. */
    private double wait(double ageSeconds, double stationarySeconds) {
        return waitsAdd ? ageSeconds + stationarySeconds : Math.max(ageSeconds, stationarySeconds);
    }

    /** The wait a request of stationary wait bin {@code b} stands for: the bin's midpoint, in seconds. */
    private double stationaryWait(int b) {
        return recorder.waitLimitSeconds() * WaitGrid.middle(b);
    }
}
