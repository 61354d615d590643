package io.headroom.planner.sim;

/**
 * The fast engine's departures by future step (a ring): the busy slots that free, and the offered
 * load's infinite-server count that leaves, each scheduled along the service-time kernel
 * ({@link ServiceTimeTable}) when its requests start or arrive. Under {@code service.slowdown} the
 * kernel is stretched by the step's factor, each delay d·f split between the steps either side so that
 * the mean is exact. Mutable, one thread; owned by {@link FastEngine}.
 */
final class FluidDepartures {
    /** Longest departure delay, in steps, under {@code service.slowdown} (a longer stretched service frees its slot at this many). */
    private static final int MAX_STRETCHED_STEPS = 1 << 22;

    private final ServiceTimeTable service;
    private final double[] busy;
    private final double[] offered;
    /** What the last {@link #take} freed: busy slots, and the offered load's count. */
    private double busyFreed;
    private double offeredFreed;

    /** Room for the kernel's longest delay, {@code slowed}: stretched by at most {@code maxStretch}. */
    FluidDepartures(ServiceTimeTable service, boolean slowed, double maxStretch) {
        this.service = service;
        int length = !slowed ? service.maxSteps() + 1
                : (int) Math.min(Math.ceil(service.maxSteps() * maxStretch) + 2, Math.max(service.maxSteps() + 1, MAX_STRETCHED_STEPS));
        this.busy = new double[length];
        this.offered = new double[length];
    }

    /** The departures due at {@code step}, removed from the ring: read them with {@link #busyFreed} and {@link #offeredFreed}. */
    void take(long step) {
        int at = (int) (step % busy.length);
        busyFreed = busy[at];
        offeredFreed = offered[at];
        busy[at] = 0;
        offered[at] = 0;
    }

    double busyFreed() {
        return busyFreed;
    }

    double offeredFreed() {
        return offeredFreed;
    }

    /**
     * Schedules the departures of {@code arrivals} (the offered load) and {@code started} requests of
     * {@code step}, their service stretched by {@code factor}; returns the started requests that depart
     * within the step itself (shorter than half a step).
     */
    double schedule(long step, double arrivals, double started, double factor) {
        int[] steps = service.kernelSteps();
        double[] shares = service.kernelShares();
        int length = busy.length;
        int base = (int) (step % length);
        double sameStep = 0;
        for (int i = 0; i < steps.length; i++) {
            int d = steps[i];
            if (d == 0) {
                sameStep += started * shares[i];
                continue;
            }
            double delay = factor == 1 ? d : Math.min(d * factor, length - 2);
            int shorter = (int) delay;
            double longerShare = delay - shorter;
            int at = base + shorter;
            if (at >= length) {
                at -= length;
            }
            double busyShare = started * shares[i];
            double offeredShare = arrivals * shares[i];
            if (longerShare == 0) {
                busy[at] += busyShare;
                offered[at] += offeredShare;
                continue;
            }
            int next = at + 1 == length ? 0 : at + 1;
            busy[at] += busyShare * (1 - longerShare);
            offered[at] += offeredShare * (1 - longerShare);
            busy[next] += busyShare * longerShare;
            offered[next] += offeredShare * longerShare;
        }
        return sameStep;
    }
}
