package io.headroom.planner.sim;

/**
 * The fast engine's fluid backlog: requests that found no free slot, by arrival step (a ring), carried
 * between steps until they start, oldest first, or wait past the horizon ({@link FastEngine}'s
 * backlog carry-over). What is past the horizon leaves as 503, or as 504 behind a balancer whose
 * horizon is the timeout. Mutable, one thread.
 */
final class FluidBacklog {
    private final double[] amounts;
    private final long stepNanos;
    private final long horizonNanos;
    private final double horizonSeconds;
    private final boolean expiryTimesOut;
    private final double errorRate;
    private final FluidRecorder recorder;
    private long oldestStep;
    private double queued;

    FluidBacklog(long stepNanos, long horizonNanos, boolean expiryTimesOut, double errorRate, FluidRecorder recorder) {
        this.amounts = new double[(int) (horizonNanos / stepNanos) + 2];
        this.stepNanos = stepNanos;
        this.horizonNanos = horizonNanos;
        this.horizonSeconds = horizonNanos / 1e9;
        this.expiryTimesOut = expiryTimesOut;
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

    /** {@code amount} requests of step {@code step} join the backlog. */
    void add(long step, double amount) {
        if (queued <= 0) {
            oldestStep = step;
        }
        amounts[(int) (step % amounts.length)] += amount;
        queued += amount;
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
                recorder.waited(amount, amount * horizonSeconds);
            } else if (free > 0) {
                double take = Math.min(free, amount);
                free -= take;
                started += take;
                recorder.served(slot, take, errorRate);
                recorder.servedWait(slot, recorder.waitBinAt(waitSeconds), take);
                recorder.waited(take, take * waitSeconds);
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
}
