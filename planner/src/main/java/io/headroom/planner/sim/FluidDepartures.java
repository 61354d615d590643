package io.headroom.planner.sim;

/**
 * The fast engine's departures by future step (a ring): the busy slots that free, and the offered
 * load's infinite-server count that leaves, each scheduled along the service-time kernel
 * ({@link ServiceTimeTable}) when its requests start or arrive. Under {@code service.slowdown} the
 * kernel is stretched by the step's factor, each delay d·f split between the steps either side so that
 * the mean is exact. Mutable, one thread; owned by {@link FastEngine}.
 *
 * <p>Unstretched, a kernel that occupies most steps up to its longest is also kept dense (a share for every
 * delay, zero where none departs), so that scheduling is two straight loops over the ring, which the JIT
 * vectorises, instead of one per occupied step with its branches; a zero share adds exactly nothing, so the
 * ring holds the same values either way. A sparse kernel (a heavy tail, a constant service) keeps its loop.
 */
final class FluidDepartures {
    /** Longest departure delay, in steps, under {@code service.slowdown} (a longer stretched service frees its slot at this many). */
    private static final int MAX_STRETCHED_STEPS = 1 << 22;
    /** A kernel is kept dense when its longest delay is under this many times its occupied steps. */
    private static final int DENSE_SPREAD = 4;

    private final ServiceTimeTable service;
    private final double[] busy;
    private final double[] offered;
    /** The kernel's share at every delay from 0 to its longest (0 at delay 0: those depart within the step), or null when sparse. */
    private final double[] dense;
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
        int[] steps = service.kernelSteps();
        this.dense = service.maxSteps() < DENSE_SPREAD * steps.length ? new double[service.maxSteps() + 1] : null;
        if (dense != null) {
            double[] shares = service.kernelShares();
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] > 0) {
                    dense[steps[i]] = shares[i];
                }
            }
        }
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
        if (factor == 1 && dense != null) {
            int base = (int) (step % busy.length);
            add(busy, base, started);
            add(offered, base, arrivals);
            return started * service.sameStepShare();
        }
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

    /** {@code count} along the dense kernel into {@code ring} from {@code base}: up to the ring's end, then wrapped. */
    private void add(double[] ring, int base, double count) {
        int unwrapped = Math.min(dense.length, ring.length - base);
        for (int d = 1; d < unwrapped; d++) {
            ring[base + d] += count * dense[d];
        }
        int wrap = base - ring.length;
        for (int d = Math.max(1, unwrapped); d < dense.length; d++) {
            ring[wrap + d] += count * dense[d];
        }
    }
}
