package io.headroom.planner.sim;

import java.util.SplittableRandom;

/**
 * What {@link FastEngine}'s policy sees ({@link PolicyView}): one random sample path of the central queue's
 * counts (or of the pool Knative's activator forms) —
 * requests in service and waiting — stepped on the engine's grid with Poisson arrivals, the
 * engine's ready slots and its max wait. The fluid model gives the outcomes (503s, latency) as
 * expectations; a policy, though, reacts to the noise of one refresh interval and to the peaks of a
 * queue that builds when the slots are nearly full, and the mean hides both.
 *
 * <p>Each step of length h: the requests whose service ends now leave; waiting requests start on
 * free slots, oldest first; those that have waited the max wait (rounded to steps) leave (503); then
 * the step's arrivals, a Poisson count with the fluid's expected arrivals as mean, start on the
 * slots still free or wait. The step's value is the mean of the counts at its two ends: a request
 * arriving or leaving at a uniform time within a step is there for half of it. Service lengths come from the departure kernel
 * ({@link ServiceTimeTable}) in {@value #GROUPS} groups of equal probability mass, each at its mean
 * length: arrivals of group g are Poisson with mean share<sub>g</sub> · λh (the split of a Poisson
 * count by independent marks), and a group's requests leave after its length. Without queueing the
 * count is therefore the M/G/∞ count of the grouped kernel, exactly Poisson with the M/G/∞
 * autocovariance λ ∫<sub>u</sub><sup>∞</sup> P(S &gt; v) dv (Eick, Massey &amp; Whitt, "The physics
 * of the M<sub>t</sub>/G/∞ queue", Operations Research 41(4), 1993); with few free slots it is an
 * M/G/c+D queue's count, whose upper tail is the queue's, not a Poisson count's. This is
 * time-stepped stochastic simulation of counts ("tau-leaping": D. T. Gillespie, "Approximate
 * accelerated stochastic simulation of chemically reacting systems", J. Chem. Phys. 115(4), 2001):
 * its cost per step is one Poisson draw per group, whatever the request rate. Requests that start
 * from the queue take its groups in proportion (a fractional count). The busy slots the policy sees
 * (HPA's CPU) are the sample's requests in service, at most the slots: under overload they stay at
 * the slot count, as in a central queue where no slot idles while a request waits.
 *
 * <p>Why: the engine first gave the policy the fluid mean plus a stationary fluctuation. An
 * Ornstein–Uhlenbeck one of correlation time E[S] overstated a 15 s average's variance by 46 % for
 * the examples' lognormal service times (HPA on CPU: +4.0 % replica-hours against DES on
 * hpa-cpu-launch, 48 seeds of each engine); the exact M/G/∞ fluctuation matched DES's 1 s averages
 * on a deployment with slots to spare (variance within 1 %, third cumulant 82–86 %), yet left azureml
 * 17 % short of DES's replica-hours on a steady 11.75 rps load scaling between 6 and 20 replicas:
 * there DES's 1 s in-flight averages have skewness 0.90 and a maximum of 17.4, the fluctuation's
 * 0.31 and 11.9, because a deployment sized at 70 % queues on its peaks. This sample path gives
 * 0.88 and 17.3, and −0.7 % replica-hours (16 seeds of each). Poisson draws: {@link PoissonSampler},
 * exact below a mean of 30 by tables (two uniforms a draw, not an exponential and a loop as long as the
 * mean: the draws were four fifths of this class's cost), above it the Cornish–Fisher expansion. A step's
 * waiting row is cleared only when it holds requests (the queue is empty most steps). Mutable, one
 * thread; no allocation after construction.
 */
final class SampledQueue {
    static final int GROUPS = 16;

    private final PoissonSampler poisson;
    private final int[] lengths;
    private final double[] shares;
    /** Requests whose service ends at each future step, a ring as long as the longest group. */
    private final double[] leaving;
    /** Waiting requests by arrival step and group, a ring of {@code waitSteps + 1} steps. */
    private final double[][] waiting;
    private final double[] waitingTotal;
    /** Whether a step's row of {@link #waiting} holds anything, so that an empty queue costs no clearing. */
    private final boolean[] touched;
    private final long waitSteps;
    private long oldest;
    private long step;
    private double busy;
    private double queued;
    private double heldInFlight;
    private double heldBusy;
    /** {@code service.slowdown}'s factor on the lengths of the requests that start now (1 without a slowdown). */
    private double stretch = 1;

    /** Service lengths from {@code service}'s kernel; requests wait at most {@code waitLimitNanos}; draws from {@code random}. */
    SampledQueue(ServiceTimeTable service, long stepNanos, long waitLimitNanos, SplittableRandom random) {
        this(service, stepNanos, waitLimitNanos, random, 1);
    }

    /** The same, with service lengths stretched by at most {@code maxStretch} ≥ 1 ({@link #stretch}). */
    SampledQueue(ServiceTimeTable service, long stepNanos, long waitLimitNanos, SplittableRandom random, double maxStretch) {
        this.poisson = new PoissonSampler(random);
        int[] steps = service.kernelSteps();
        double[] kernel = service.kernelShares();
        int[] groupLengths = new int[GROUPS];
        double[] groupShares = new double[GROUPS];
        int groups = 0;
        double share = 0;
        double stepsTimesShare = 0;
        double cumulative = 0;
        for (int i = 0; i < steps.length && groups < GROUPS; i++) {
            share += kernel[i];
            stepsTimesShare += kernel[i] * steps[i];
            cumulative += kernel[i];
            if (cumulative >= (groups + 1) / (double) GROUPS - 1e-12 || i == steps.length - 1) {
                // requests shorter than half a step never count in flight (as in FastEngine's fluid)
                if (stepsTimesShare > 0) {
                    groupLengths[groups] = (int) Math.max(1, Math.round(stepsTimesShare / share));
                    groupShares[groups] = share;
                    groups++;
                }
                share = 0;
                stepsTimesShare = 0;
            }
        }
        this.lengths = java.util.Arrays.copyOf(groupLengths, groups);
        this.shares = java.util.Arrays.copyOf(groupShares, groups);
        int longest = 1;
        for (int length : lengths) {
            longest = Math.max(longest, length);
        }
        this.leaving = new double[maxStretch > 1 ? (int) Math.ceil(longest * maxStretch) + 2 : longest + 1];
        this.waitSteps = Math.round(waitLimitNanos / (double) stepNanos);
        this.waiting = new double[(int) waitSteps + 1][groups];
        this.waitingTotal = new double[(int) waitSteps + 1];
        this.touched = new boolean[(int) waitSteps + 1];
    }

    /**
     * One step: departures, starts from the queue on {@code slots} (oldest first), the max wait, then
     * Poisson arrivals of mean {@code expectedArrivals}.
     */
    void step(double expectedArrivals, long slots) {
        double inFlightBefore = busy + queued;
        double busyBefore = busy;
        int now = (int) (step % leaving.length);
        busy = Math.max(0, busy - leaving[now]);
        leaving[now] = 0;
        int ring = waiting.length;
        double free = slots - busy;
        for (; oldest < step && free > 0; oldest++) {
            int i = (int) (oldest % ring);
            double total = waitingTotal[i];
            if (total <= 0) {
                continue;
            }
            double fraction = Math.min(1, free / total);
            double[] cohort = waiting[i];
            for (int g = 0; g < cohort.length; g++) {
                start(now, g, cohort[g] * fraction);
                cohort[g] -= cohort[g] * fraction;
            }
            double started = total * fraction;
            free -= started;
            queued -= started;
            waitingTotal[i] = total - started;
            if (fraction < 1) {
                break;
            }
        }
        // waiting for the max wait (waitSteps steps, counted half at each end: see held): 503
        for (; oldest <= step - waitSteps && oldest < step; oldest++) {
            int i = (int) (oldest % ring);
            queued -= waitingTotal[i];
            clear(i);
        }
        if (queued < 1e-9) {
            queued = 0;
        }
        int here = (int) (step % ring);
        if (touched[here]) {
            clear(here);
        }
        for (int g = 0; g < lengths.length; g++) {
            double arrived = poisson.next(expectedArrivals * shares[g]);
            if (arrived <= 0) {
                continue;
            }
            double started = Math.min(Math.max(0, free), arrived);
            start(now, g, started);
            free -= started;
            double rest = arrived - started;
            if (rest > 0 && waitSteps > 0) {
                waiting[here][g] += rest;
                waitingTotal[here] += rest;
                touched[here] = true;
                queued += rest;
            }
        }
        if (queued <= 0) {
            oldest = step + 1;
        }
        // the step's value is the mean of the counts at its two ends: a request arriving (or leaving)
        // at a uniform time within a step is there for half of it, so each one counts its exact
        // duration on average (service: its length in steps; a 503: the max wait)
        heldInFlight = (inFlightBefore + busy + queued) / 2;
        heldBusy = (busyBefore + busy) / 2;
        step++;
    }

    private void start(int now, int group, double count) {
        if (count <= 0) {
            return;
        }
        busy += count;
        if (stretch == 1) {
            int at = now + lengths[group];
            leaving[at >= leaving.length ? at - leaving.length : at] += count;
            return;
        }
        // a stretched length between two steps: split between them so that the mean length is exact
        double length = Math.min(lengths[group] * stretch, leaving.length - 2);
        int shorter = (int) length;
        double longer = length - shorter;
        int at = now + shorter;
        leaving[at >= leaving.length ? at - leaving.length : at] += count * (1 - longer);
        at = now + shorter + 1;
        leaving[at >= leaving.length ? at - leaving.length : at] += count * longer;
    }

    /**
     * {@code service.slowdown}: the requests that start from the next {@link #step} on run {@code factor}
     * (between 1 and the constructor's {@code maxStretch}) times their group's length.
     */
    void stretch(double factor) {
        this.stretch = factor;
    }

    private void clear(int i) {
        java.util.Arrays.fill(waiting[i], 0);
        waitingTotal[i] = 0;
        touched[i] = false;
    }

    /** Requests in service over the last step (the mean of its two ends). */
    double busy() {
        return heldBusy;
    }

    /** Requests in service and waiting over the last step (the mean of its two ends). */
    double inFlight() {
        return heldInFlight;
    }
}
