package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.traffic.PiecewiseLinearRate;

/**
 * The fast engine: a time-stepped fluid model of the router and its replicas whose cost grows with
 * simulated time and the service time's spread, never with the request rate. The replicas
 * ({@link ReplicaSet}, through the shared {@link ScalingLoop}), the policy (the scenario's own
 * {@link io.headroom.planner.autoscaler.AutoscalerPolicy}, fed
 * {@link MetricBuckets} as in the discrete-event engine) and the outputs are the same; only the
 * requests are fluid.
 *
 * <p>Each step of length h (100 ms, less for short service times, always dividing 1 s and the
 * policy's interval) does, at its start t:
 * <ol>
 *   <li>departures: slots freed now by requests started earlier, from the service-time kernel
 *       ({@link ServiceTimeTable}: the busy count is the M<sub>t</sub>/G/∞ convolution of starts);</li>
 *   <li>replicas whose startup ended become ready; fluid backlog older than the max wait leaves with
 *       503; the backlog drains into free slots, oldest first (backlog carry-over);</li>
 *   <li>the policy's tick, when due, exactly as {@link RouterModel#tick} does it;</li>
 *   <li>the step's arrivals: the <em>expected</em> count, the integral of the rate over the step
 *       (not a Poisson draw: the randomness of arrivals enters only through the stationary results
 *       below). A share of them is rejected at once with the stationary M/M/c+D rejection
 *       probability ({@link StationaryRouter}) at the current ready slots c and the <em>modified
 *       offered load</em> m(t), the mean number an infinite-server system would hold (the convolution
 *       of all arrivals with the service time: Jennings, Mandelbaum, Massey &amp; Whitt, "Server
 *       staffing to meet time-varying demand", Management Science 42(10), 1996); the rest starts on
 *       free slots, and what does not fit joins the fluid backlog.</li>
 * </ol>
 * This is the pointwise stationary approximation (Green &amp; Kolesar, "The pointwise stationary
 * approximation for queues with nonstationary arrivals", Management Science 37(1), 1991), made
 * usable under overload by carrying the backlog between steps, as in Stolletz's stationary
 * backlog-carryover approach ("Approximation of the non-stationary M(t)/M(t)/c(t)-queue using
 * stationary queueing models", EJOR 190(2), 2008). In steady state it is exactly the M/M/c+D model
 * (cv &ne; 1: Allen–Cunneen); when the load or the capacity jumps, the fluid backlog carries the
 * excess that the stationary share has not caught up with yet.
 *
 * <p>Where it is weak: (1) a few slots and a load near them — the stationary result is reached only
 * after many service times, and the fluid backlog has no variance; (2) heavy-tailed service times,
 * where the Allen–Cunneen wait scaling is optimistic; (3) the policy sees the fluid mean, not the
 * noise of a real in-flight count, so a policy that reacts to noise (azureml's one-interval scale-up)
 * scales up a little less than it does in the discrete-event engine; (4) latency percentiles are a
 * mixture of stationary waits and representative service times ({@link FluidRecorder}), not a sample;
 * (5) the 503s of a second are an expected count: the recorder lays them out in bursts of the
 * queue's own size ({@link BurstRenderer}), but when the fluid rate creeps up too early (the stationary
 * share applies at once, a real queue takes seconds to fill) the windows still begin early.
 *
 * <p>Deterministic: the service-time kernel is estimated from the scenario's service-time stream,
 * replica startups draw from its startups stream exactly as in the discrete-event engine. Mutable,
 * one thread.
 */
final class FastEngine {
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;
    private static final long[] STEP_CANDIDATES_MS = {100, 50, 25, 20, 10, 5, 2, 1};
    /** Metric units per request: fluid counts reach the policy in 1/256 requests. */
    private static final long UNITS = 256;

    private final long stepNanos;
    private final long endNanos;
    private final long tickNanos;
    private final PiecewiseLinearRate rate;
    private final Progress progress;
    private final double waitLimitSeconds;
    private final long waitLimitNanos;
    private final double meanServiceSeconds;
    private final double errorRate;
    private final ServiceTimeTable service;
    private final StationaryRouter stationary;
    private final FluidRecorder recorder;
    private final ScalingLoop scaling;

    /** Departures scheduled per future step (busy slots, and the offered load's infinite-server count), a ring. */
    private final double[] busyDepartures;
    private final double[] offeredDepartures;
    /** Fluid backlog by arrival step, a ring of {@code backlogSteps}. */
    private final double[] backlog;
    private final int backlogSteps;
    private long oldestBacklogStep;

    /** The policy's view of the in-flight count's fluctuation: an Ornstein–Uhlenbeck process, see {@link #noise}. */
    private final java.util.SplittableRandom noiseRandom;
    private final double noiseDecay;
    private double noiseUnit;

    private double busy;
    private double offered;
    private double queued;
    private double stationaryQueue;
    /** Busy slots and queued requests as held over the last step: what the replica sample and the snapshot show. */
    private double heldBusy;
    private double heldQueue;
    /**
     * The stationary queue's content by arrival step (a ring): [j][i] = arrivals of step j still
     * waiting at age i steps. The queue then builds up over the max wait after a jump, as it does.
     */
    private final double[][] waitingByAge;

    FastEngine(Scenario scenario, RandomStreams streams, Progress progress) {
        Service s = scenario.service();
        if (s.slowdown() > 0) {
            throw new io.headroom.planner.InvalidInputException("the fast engine does not model service.slowdown (its stationary"
                    + " queueing results assume load-independent service times) but the scenario sets " + s.slowdown()
                    + "; use --engine des");
        }
        this.progress = progress;
        this.scaling = new ScalingLoop(scenario, streams, UNITS);
        this.tickNanos = scaling.tickIntervalNanos();
        this.meanServiceSeconds = s.serviceTime().mean().toNanos() / 1e9;
        this.stepNanos = stepNanos(meanServiceSeconds, tickNanos);
        this.endNanos = scenario.traffic().duration().toNanos();
        this.rate = scenario.traffic().shape().rate();
        this.waitLimitNanos = s.maxQueueWait().toNanos();
        this.waitLimitSeconds = waitLimitNanos / 1e9;
        this.errorRate = s.errorRate();
        this.service = new ServiceTimeTable(s.serviceTime().sampler(), streams.serviceTimes(), s.serviceTime().mean().toNanos(), stepNanos,
                s.timeout().toNanos());
        this.stationary = new StationaryRouter(meanServiceSeconds, waitLimitSeconds, s.serviceTime().cv(), stepNanos / 1e9);
        this.waitingByAge = new double[stationary.ages() + 1][stationary.ages()];
        long highestMicros = Math.max(2, (s.timeout().toNanos() + waitLimitNanos) / 1000 + 1);
        this.recorder = new FluidRecorder(scenario.traffic().seconds(), waitLimitNanos, highestMicros, service, s.timeout().toNanos(),
                s.serviceTime().cv());
        this.busyDepartures = new double[service.maxSteps() + 1];
        this.offeredDepartures = new double[service.maxSteps() + 1];
        this.backlogSteps = (int) (waitLimitNanos / stepNanos) + 2;
        this.backlog = new double[backlogSteps];
        this.noiseRandom = streams.arrivals();
        this.noiseDecay = Math.exp(-stepNanos / 1e9 / meanServiceSeconds);
    }

    /** The largest candidate step of at most a fifth of the mean service time (and 100 ms) that divides 1 s and the tick. */
    static long stepNanos(double meanServiceSeconds, long tickNanos) {
        for (long ms : STEP_CANDIDATES_MS) {
            long nanos = ms * MILLI;
            if ((nanos <= meanServiceSeconds * 1e9 / 5 || ms == 1) && SECOND % nanos == 0 && tickNanos % nanos == 0) {
                return nanos;
            }
        }
        return MILLI;
    }

    FluidRecorder run() {
        long step = 0;
        while (!recorder.isComplete()) {
            long t = step * stepNanos;
            int ring = (int) (step % busyDepartures.length);
            double completions = busyDepartures[ring];
            busy = Math.max(0, busy - completions);
            offered = Math.max(0, offered - offeredDepartures[ring]);
            busyDepartures[ring] = 0;
            offeredDepartures[ring] = 0;
            scaling.promoteDue(t, readyAt -> { }, recorder.log()::event);
            double started = drainBacklog(t, step);
            if (t > 0 && t % tickNanos == 0) {
                scaling.tick(t, Math.round(heldBusy), Math.round(heldQueue), readyAt -> { }, recorder.log()::event);
            }
            if (t > 0 && t % SECOND == 0) {
                endOfSecond(t);
            }
            double arrivals = t < endNanos ? rate.expectedCount(t / 1e9, Math.min(t + stepNanos, endNanos) / 1e9) : 0;
            started += arrive(t, step, arrivals);
            schedule(step, arrivals, started);
            heldBusy = busy;
            heldQueue = Math.max(queued, stationaryQueue);
            double inFlight = busy + heldQueue;
            double fluctuation = noise(inFlight);
            scaling.metrics().fluid(t, Math.round(arrivals * UNITS), Math.round(completions * UNITS),
                    Math.round(Math.max(0, inFlight + fluctuation) * UNITS),
                    Math.round(Math.min(slots(), Math.max(0, inFlight + fluctuation)) * UNITS));
            step++;
        }
        scaling.bill(endNanos);
        recorder.log().finish(scaling.replicaNanos(), scaling.peakReady(), scaling.nodePools());
        return recorder;
    }

    /** Concurrency slots of the ready replicas. */
    private int slots() {
        return (int) Math.min(Integer.MAX_VALUE, scaling.readySlots());
    }

    /**
     * What the policy sees on top of the fluid mean: the count of requests in flight is random, and a
     * policy that reacts to one refresh interval (azureml's eager scale-up) reacts to its noise. The
     * number in an M/G/∞ system is Poisson, variance = mean, and for exponential service its
     * autocorrelation is e^{−t/E[S]}; its diffusion limit is an Ornstein–Uhlenbeck process (Iglehart,
     * "Limiting diffusion approximations for the many server queue and the repairman problem", J. Appl.
     * Prob. 2(2), 1965). The variance is taken as the in-flight mean, busy and queued alike (a
     * smaller one for busy slots near their cap, busy·(1 − busy/slots), was tried and made azureml
     * scale up clearly less than in the discrete-event engine). The fluctuation is
     * {@code sqrt(mean) · X + (X² − 1) / 6}, the Cornish–Fisher expansion of a Poisson count with that
     * mean (skewness 1/sqrt(mean); E. A. Cornish and R. A. Fisher, "Moments and cumulants in the
     * specification of distributions", Revue de l'Institut International de Statistique 5(4), 1938): a
     * policy that scales up on one interval's peak reacts to the upper tail, which the skew lengthens
     * (Gaussian noise alone left azureml 2–6 % short of DES's replica-hours on launch day, the gentle
     * ramp and the trace replay); below one request in flight the skew term is scaled down with the
     * mean, so an idle deployment sees no phantom requests. X is a unit OU process of correlation time E[S], stepped exactly: X ← φX + sqrt(1 − φ²)·Z,
     * φ = e^{−h/E[S]}, Z standard normal (Box–Muller on the run's arrivals stream, which the fast
     * engine does not otherwise use). It only reaches the policy: outcomes already include randomness
     * through the stationary results. The busy slots the policy's metric sees (HPA's CPU, from the buckets)
     * are those of the fluctuating in-flight count N, min(c, N), as in a central queue where no slot
     * idles while a request waits: under overload they stay at c. (Busy slots as the fluid busy count
     * plus the fluctuation, capped at c, read on average about σ·0.4 below c when saturated, and HPA on
     * CPU then scaled to 14 % fewer replica-hours than DES on hpa-cpu-launch.)
     */
    private double noise(double inFlight) {
        double u1 = 1.0 - noiseRandom.nextDouble();
        double u2 = noiseRandom.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        noiseUnit = noiseDecay * noiseUnit + Math.sqrt(1 - noiseDecay * noiseDecay) * z;
        double mean = Math.max(0, inFlight);
        // the skew term fades out below one request in flight, where there is nothing to fluctuate
        return Math.sqrt(mean) * noiseUnit + Math.min(1, mean) * (noiseUnit * noiseUnit - 1) / 6;
    }

    /** Backlog older than the max wait gets 503; the rest starts on free slots, oldest first. Returns how many started. */
    private double drainBacklog(long t, long step) {
        if (queued <= 0) {
            oldestBacklogStep = step;
            return 0;
        }
        double free = Math.max(0, slots() - busy);
        double started = 0;
        for (long j = oldestBacklogStep; j < step; j++) {
            int i = (int) (j % backlogSteps);
            double amount = backlog[i];
            if (amount <= 0) {
                oldestBacklogStep = j + 1;
                continue;
            }
            long arrivalNanos = j * stepNanos + stepNanos / 2;
            double waitSeconds = (t - arrivalNanos) / 1e9;
            int slot = recorder.slotOf(j * stepNanos);
            if (t - arrivalNanos > waitLimitNanos) {
                recorder.rejected(slot, amount);
                recorder.waited(amount, amount * waitLimitSeconds);
            } else if (free > 0) {
                double take = Math.min(free, amount);
                free -= take;
                started += take;
                recorder.served(slot, take, errorRate);
                recorder.servedWait(slot, recorder.waitBin(waitSeconds / waitLimitSeconds), take);
                recorder.waited(take, take * waitSeconds);
                amount -= take;
                if (amount > 0) {
                    backlog[i] = amount;
                    queued -= take;
                    break;
                }
            } else {
                break;
            }
            queued -= backlog[i];
            backlog[i] = 0;
            oldestBacklogStep = j + 1;
        }
        if (oldestBacklogStep >= step) {
            queued = 0;
        }
        busy += started;
        return started;
    }

    /** The step's arrivals: the stationary share is rejected, the rest starts or joins the backlog. Returns how many started. */
    private double arrive(long t, long step, double arrivals) {
        // the share that departs within this step never counts (its requests are shorter than half a step)
        offered += arrivals * (1 - service.sameStepShare());
        int slots = slots();
        double[] byAge = waitingByAge.length > 1 ? waitingByAge[(int) (step % waitingByAge.length)] : null;
        if (byAge != null) {
            java.util.Arrays.fill(byAge, 0);
        }
        if (arrivals <= 0) {
            stationaryQueue = stationaryQueue(step);
            return 0;
        }
        int slot = recorder.slotOf(t);
        double admitted = arrivals;
        double startNoWait = 1;
        if (slots > 0) {
            stationary.solve(slots, offered);
            double rejectedNow = arrivals * stationary.rejectedShare;
            admitted -= rejectedNow;
            recorder.rejected(slot, rejectedNow);
            recorder.waited(arrivals * stationary.waitingShare, arrivals * stationary.meanWaitSeconds);
            if (byAge != null) {
                double[] still = stationary.stillWaitingShares;
                for (int i = 0; i < byAge.length; i++) {
                    byAge[i] = arrivals * still[i];
                }
            }
            double servedShare = 1 - stationary.rejectedShare;
            startNoWait = servedShare <= 0 ? 1 : Math.min(1, (1 - stationary.waitingShare) / servedShare);
        }
        stationaryQueue = stationaryQueue(step);
        double free = Math.max(0, slots - busy);
        double start = Math.min(free, admitted);
        if (start > 0) {
            recorder.served(slot, start, errorRate);
            recorder.servedWait(slot, 0, start * startNoWait);
            double waiting = start * (1 - startNoWait);
            if (waiting > 0) {
                double[] shares = stationary.servedWaitShares;
                for (int b = 0; b < shares.length; b++) {
                    recorder.servedWait(slot, 1 + b, waiting * shares[b]);
                }
            }
            busy += start;
        }
        double rest = admitted - start;
        if (rest > 0) {
            if (waitLimitNanos == 0 || queued + rest > RouterModel.MAX_QUEUED) {
                recorder.rejected(slot, rest);
            } else {
                if (queued <= 0) {
                    oldestBacklogStep = step;
                }
                backlog[(int) (step % backlogSteps)] += rest;
                queued += rest;
            }
        }
        return Math.max(0, start);
    }

    /** Requests of the recent steps still in the stationary queue over this step. */
    private double stationaryQueue(long step) {
        double total = 0;
        int ages = waitingByAge.length - 1;
        for (int i = 0; i < ages && i <= step; i++) {
            total += waitingByAge[(int) ((step - i) % waitingByAge.length)][i];
        }
        return total;
    }

    /** Departures of what arrived (the offered load) and of what started at this step, along the service-time kernel. */
    private void schedule(long step, double arrivals, double started) {
        if (arrivals <= 0 && started <= 0) {
            return;
        }
        int[] steps = service.kernelSteps();
        double[] shares = service.kernelShares();
        int length = busyDepartures.length;
        int base = (int) (step % length);
        for (int i = 0; i < steps.length; i++) {
            int d = steps[i];
            if (d == 0) {
                busy -= started * shares[i];
                continue;
            }
            int at = base + d;
            if (at >= length) {
                at -= length;
            }
            busyDepartures[at] += started * shares[i];
            offeredDepartures[at] += arrivals * shares[i];
        }
        busy = Math.max(0, busy);
        offered = Math.max(0, offered);
    }

    private void endOfSecond(long t) {
        int second = (int) (t / SECOND) - 1;
        if (second % 60 == 59) {
            progress.update(Math.min(1, t / (double) endNanos));
        }
        recorder.endOfSecond(second, scaling.sample(Math.round(heldBusy), Math.round(heldQueue)), slots() / meanServiceSeconds);
    }
}
