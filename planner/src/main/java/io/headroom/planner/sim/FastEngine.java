package io.headroom.planner.sim;

import io.headroom.planner.scenario.Routing;
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
 * where the Allen–Cunneen wait scaling is optimistic; (3) behind the central queue the policy sees
 * one sample path of the queue's counts ({@link SampledQueue}), whose service lengths are
 * {@value SampledQueue#GROUPS} groups of the kernel: the spread within a group is lost, so an
 * exponential service queues a little less than M/M/c (2 slots at half load: mean in flight 2.5 %
 * below DES's); behind a per-replica balancer it still sees the fluid mean plus a fluctuation
 * ({@link PolicyNoise}); (4) latency percentiles are a
 * mixture of stationary waits and representative service times ({@link FluidRecorder}), not a sample;
 * (5) the 503s of a second are an expected count: the recorder lays them out in bursts of the
 * queue's own size ({@link BurstRenderer}), but when the fluid rate creeps up too early (the stationary
 * share applies at once, a real queue takes seconds to fill) the windows still begin early;
 * (6) {@code service.slowdown} ({@link #scheduleSlowed}) enters through the busy slots, the offered
 * load, the stationary model (a chain whose rates fall as the slots fill), the 503 bursts' capacity and
 * the policy's view: the latency percentiles, the 504 share of long services and a balancer's policy
 * noise keep the drawn service time's.
 *
 * <p>Knative ({@code policy: knative}): while the policy's decision puts the activator in the path, or
 * no replica is ready, a step's arrivals meet the activator's pooled queue ({@link FluidActivator}:
 * M/M/c+D over all ready slots, its long waits in the fluid backlog up to the revision timeout, then
 * 504; 503 beyond the activator's queue depth); out of the path the ingress's round-robin to the
 * queue-proxies ({@link ReplicaQueueStationary}, queue 10 × containerConcurrency). The fluid backlog and
 * the stationary queue's content carry over a switch. With no replica ready everything waits in the
 * fluid backlog, and once a request's worth is held while no replica is asked for, the autoscaler
 * decides at once, as the discrete-event engine's first arrival pokes it (scale from zero). The KPA
 * sees the concurrency: busy slots plus all that waits, the activator's included. Weak: right after a
 * load meets full slots the activator's waits are the stationary ones while its queue is still
 * filling, so latency reads high (see {@link FluidActivator.Step#bounded}).
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
    private final StationaryQueue stationary;
    /** Under {@code service.slowdown}: the scenario's service (its factor); else null. */
    private final Service slowdown;
    private final int concurrency;
    /** Per-replica routing (a balancer in front of the replicas) rather than azureml-fe's central queue. */
    private final boolean balanced;
    /** Backlog older than the horizon leaves with 504 (it reached the timeout) rather than 503. */
    private final boolean expiryTimesOut;
    private final int replicaQueueLimit;
    private final FluidRecorder recorder;
    private final ScalingLoop scaling;
    /** Knative's activator, or null for every other routing. */
    private final FluidActivator activator;

    /** Departures scheduled per future step (busy slots, and the offered load's infinite-server count). */
    private final FluidDepartures departures;
    /** Requests that found no free slot, carried between steps. */
    private final FluidBacklog backlog;

    /**
     * What the policy sees: behind the central queue one sample path of its counts
     * ({@link SampledQueue}); behind a per-replica balancer the fluid mean plus a fluctuation ({@link PolicyNoise}).
     */
    private final SampledQueue sampled;
    private final PolicyNoise noise;

    private double busy;
    /** {@code service.slowdown}'s factor of the last step's starts (1 without a slowdown). */
    private double factor = 1;
    /** Behind a balancer in overload: the slots the stationary model keeps busy (the carried load); else unbounded. */
    private double carriedSlots = Double.MAX_VALUE;
    /** Backlog started at this step's start (read by the balanced arrivals). */
    private double drainedNow;
    private double offered;
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
        this.slowdown = s.slowdown() > 0 ? s : null;
        this.concurrency = s.concurrency();
        this.progress = progress;
        this.scaling = new ScalingLoop(scenario, streams, UNITS);
        this.tickNanos = scaling.tickIntervalNanos();
        this.meanServiceSeconds = s.serviceTime().mean().toNanos() / 1e9;
        this.stepNanos = stepNanos(meanServiceSeconds, tickNanos);
        this.endNanos = scenario.traffic().duration().toNanos();
        this.rate = scenario.traffic().shape().rate();
        Routing routing = s.routing();
        this.balanced = routing.perReplica();
        this.replicaQueueLimit = routing.replicaQueueLimit();
        this.waitLimitNanos = StationaryQueue.horizonNanos(s);
        this.waitLimitSeconds = waitLimitNanos / 1e9;
        // Knative's activator holds requests up to the revision timeout: the fluid backlog's horizon
        this.activator = routing.mode() == Routing.Mode.KNATIVE ? new FluidActivator(s, waitLimitSeconds, stepNanos / 1e9) : null;
        long backlogNanos = activator != null ? s.timeout().toNanos() : waitLimitNanos;
        this.expiryTimesOut = balanced && backlogNanos >= s.timeout().toNanos();
        this.errorRate = s.errorRate();
        this.service = new ServiceTimeTable(s.serviceTime().sampler(), streams.serviceTimes(), s.serviceTime().mean().toNanos(), stepNanos,
                s.timeout().toNanos());
        this.stationary = StationaryQueue.of(s, waitLimitSeconds, stepNanos / 1e9);
        // a request's factor is at most that of a replica with every slot busy
        double maxStretch = s.slowdownFactor(s.concurrency());
        this.waitingByAge = balanced ? new double[1][0] : new double[stationary.ages() + 1][stationary.ages()];
        long highestMicros = Math.max(2, (s.timeout().toNanos() + backlogNanos) / 1000 + 1);
        this.recorder = new FluidRecorder(scenario.traffic().seconds(), waitLimitNanos, backlogNanos, highestMicros, service,
                s.timeout().toNanos(), s.serviceTime().cv());
        this.departures = new FluidDepartures(service, slowdown != null, maxStretch);
        this.backlog = new FluidBacklog(stepNanos, backlogNanos, expiryTimesOut, errorRate, recorder);
        // both on the run's arrivals stream, which the fluid does not otherwise use
        this.noise = balanced ? new PolicyNoise(streams.arrivals(), stepNanos / 1e9, meanServiceSeconds) : null;
        this.sampled = balanced ? null : new SampledQueue(service, stepNanos, waitLimitNanos, streams.arrivals(), maxStretch);
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
            departures.take(step);
            double completions = departures.busyFreed();
            busy = Math.max(0, busy - completions);
            offered = Math.max(0, offered - departures.offeredFreed());
            scaling.promoteDue(t, readyAt -> { }, recorder.log()::event);
            double started = drainBacklog(t, step);
            if (t > 0 && t % tickNanos == 0) {
                scaling.tick(t, Math.round(heldBusy), Math.round(heldQueue), readyAt -> { }, recorder.log()::event);
                if (activator != null) {
                    activator.inPath(scaling.lastDecision().activatorInPath());
                }
            }
            if (t > 0 && t % SECOND == 0) {
                endOfSecond(t);
            }
            double arrivals = t < endNanos ? rate.expectedCount(t / 1e9, Math.min(t + stepNanos, endNanos) / 1e9) : 0;
            started += arrive(t, step, arrivals);
            schedule(step, arrivals, started);
            heldBusy = busy;
            // Knative: the activator's backlog and the queue-proxies' queues both hold requests
            heldQueue = activator == null ? Math.max(backlog.queued(), stationaryQueue) : backlog.queued() + stationaryQueue;
            if (sampled != null) {
                // the central queue: the policy sees one sample path of the queue's counts, not the fluid mean
                sampled.step(arrivals, slots());
                scaling.metrics().fluid(t, Math.round(arrivals * UNITS), Math.round(completions * UNITS),
                        Math.round(sampled.inFlight() * UNITS), Math.round(sampled.busy() * UNITS));
            } else {
                double inFlight = busy + heldQueue;
                double fluctuation = noise.next(inFlight);
                // a balancer's replicas may idle while others' queues hold requests: the busy slots are the fluid busy count's
                double busyView = heldBusy + fluctuation;
                scaling.metrics().fluid(t, Math.round(arrivals * UNITS), Math.round(completions * UNITS),
                        Math.round(Math.max(0, inFlight + fluctuation) * UNITS),
                        Math.round(Math.min(slots(), Math.max(0, busyView)) * UNITS));
            }
            if (activator != null) {
                activator.poke(scaling, t, Math.round(heldBusy), Math.round(heldQueue), recorder.log()::event);
            }
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
     * How many requests {@code free} slots take within a step. The central queue: one each. Behind a
     * balancer: requests shorter than half a step ({@link ServiceTimeTable#sameStepShare}) free their slot
     * within the step, so {@code free / (1 − share)} start; without this a saturated replica set
     * carried 0.8 % less than its capacity (200 ms exponential service, 25 ms steps), and the stationary
     * M/M/k/K admitted share, within 0.4 % of capacity at ρ = 1.2, piled up as backlog.
     */
    private double startable(double free) {
        return balanced ? free / (1 - service.sameStepShare()) : free;
    }

    /** Backlog older than the max wait gets 503; the rest starts on free slots, oldest first. Returns how many started. */
    private double drainBacklog(long t, long step) {
        drainedNow = 0;
        if (backlog.emptyAt(step)) {
            return 0;
        }
        double started = backlog.drain(t, step, startable(Math.max(0, Math.min(slots(), carriedSlots) - busy)));
        busy += started;
        drainedNow = started;
        return started;
    }

    /** The step's arrivals: the stationary share is rejected, the rest starts or joins the backlog. Returns how many started. */
    private double arrive(long t, long step, double arrivals) {
        if (activator != null && activator.takesArrivals(scaling.replicas().ready())) {
            return arriveAtActivator(t, step, arrivals);
        }
        if (balanced) {
            return arriveAtReplicas(t, step, arrivals);
        }
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
            startNow(slot, start, startNoWait, stationary);
        }
        double rest = admitted - start;
        if (rest > 0) {
            if (waitLimitNanos == 0 || backlog.queued() + rest > RouterModel.MAX_QUEUED) {
                recorder.rejected(slot, rest);
            } else {
                backlog.add(step, rest);
            }
        }
        return Math.max(0, start);
    }

    /**
     * The step's arrivals behind a balancer: with no replica ready all get 503 (the balancer has no
     * backend); else the stationary 503 share is refused at once, the share still waiting at the
     * timeout gets 504, the rest starts on free slots or joins the fluid backlog, which holds at most
     * the replicas' queue places (ready replicas × {@code replicaQueueLimit}); beyond them, 503.
     */
    private double arriveAtReplicas(long t, long step, double arrivals) {
        offered += arrivals * (1 - service.sameStepShare());
        int slots = slots();
        if (arrivals <= 0 || slots <= 0) {
            if (arrivals > 0) {
                recorder.rejected(recorder.slotOf(t), arrivals);
            }
            stationaryQueue = queueTowards(0, 0);
            return 0;
        }
        int slot = recorder.slotOf(t);
        double rejectedShare = solveFilling(slots, arrivals);
        double rejectedNow = arrivals * rejectedShare;
        double timedOutNow = arrivals * stationary.timedOutShare;
        recorder.rejected(slot, rejectedNow);
        recorder.timedOutWaiting(slot, timedOutNow);
        recorder.waited(arrivals * stationary.waitingShare, arrivals * stationary.meanWaitSeconds);
        double admitted = arrivals - rejectedNow - timedOutNow;
        double servedShare = 1 - rejectedShare - stationary.timedOutShare;
        double waitingServed = stationary.waitingShare - stationary.timedOutShare;
        double startNoWait = servedShare <= 0 ? 1 : Math.max(0, Math.min(1, 1 - waitingServed / servedShare));
        // Little's law: λ·E[min(W, H)] requests wait, reached over a waiting request's mean wait
        double waitOfWaiting = stationary.waitingShare <= 0 ? 0 : stationary.meanWaitSeconds / stationary.waitingShare;
        double lag = Math.max(waitOfWaiting, stationary.relaxationSeconds(scaling.replicas().ready(), slots, offered));
        double places = (double) scaling.replicas().ready() * replicaQueueLimit;
        stationaryQueue = queueTowards(arrivals / (stepNanos / 1e9) * stationary.meanWaitSeconds, lag);
        if (!stationary.refusesWhileFilling()) {
            // the pool's 503s are the fluid's: its backlog holds its places, the stationary queue's fluctuation has the rest
            stationaryQueue = Math.min(stationaryQueue, Math.max(0, places - backlog.queued()));
        }
        // the backlog's starts of this step shorter than half a step have freed their slots again
        double free = startable(Math.max(0, Math.min(slots, carriedSlots) - busy + drainedNow * service.sameStepShare()));
        double start = Math.min(free, admitted);
        if (start > 0) {
            startNow(slot, start, startNoWait, stationary);
        }
        double rest = admitted - start;
        if (rest > 0) {
            // the replicas' queue places not already taken (the pool's: not by the fluid backlog, which comes first)
            double taken = backlog.queued() + (stationary.refusesWhileFilling() ? stationaryQueue : 0);
            double fits = Math.max(0, Math.min(rest, places - taken));
            if (waitLimitNanos == 0 || fits <= 0) {
                recorder.rejected(slot, rest);
            } else {
                recorder.rejected(slot, rest - fits);
                backlog.add(step, fits);
                if (!stationary.refusesWhileFilling()) {
                    stationaryQueue = Math.min(stationaryQueue, places - backlog.queued());
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
     */
    private double solveFilling(int slots, double arrivals) {
        stationary.solve(slots, offered);
        if (offered <= slots) {
            carriedSlots = Double.MAX_VALUE;
            return stationary.rejectedShare;
        }
        double overloaded = stationary.rejectedShare;
        carriedSlots = offered * (1 - overloaded - stationary.timedOutShare);
        double fullContent = arrivals / (stepNanos / 1e9) * stationary.meanWaitSeconds;
        stationary.solve(slots, slots);
        double atCapacity = stationary.rejectedShare;
        if (!stationary.refusesWhileFilling()) {
            return 0;
        }
        double filled = fullContent <= 0 ? 1 : Math.min(1, (stationaryQueue + backlog.queued()) / fullContent);
        return atCapacity + Math.max(0, overloaded - atCapacity) * filled;
    }

    /**
     * Knative with the activator in the path ({@link FluidActivator}): the pooled queue's stationary
     * share that waits longer than the horizon, and whatever finds no free slot, is held in the fluid
     * backlog (503 beyond the activator's depth); with no slot ready, all of it. Returns how many started.
     */
    private double arriveAtActivator(long t, long step, double arrivals) {
        offered += arrivals * (1 - service.sameStepShare());
        carriedSlots = Double.MAX_VALUE;
        int slots = slots();
        if (arrivals <= 0 || slots <= 0) {
            stationaryQueue = queueTowards(0, 0);
            activator.hold(backlog, recorder, t, step, arrivals, stationaryQueue);
            return 0;
        }
        FluidActivator.Step a = activator.step(slots, offered, arrivals, stepNanos / 1e9, stationary.loadFactor);
        double lagged = queueTowards(a.steadyQueue, a.waitOfWaiting);
        stationaryQueue = a.bounded(stationaryQueue, lagged);
        recorder.waited(arrivals * a.waitingServed, arrivals * a.servedWaitSeconds);
        double free = startable(Math.max(0, slots - busy + drainedNow * service.sameStepShare()));
        double start = Math.min(free, arrivals * a.servedShare);
        if (start > 0) {
            startNow(recorder.slotOf(t), start, a.startNoWait, a.queue);
        }
        activator.hold(backlog, recorder, t, step, arrivals - Math.max(0, start), stationaryQueue);
        return Math.max(0, start);
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
    private double queueTowards(double target, double waitSeconds) {
        double h = stepNanos / 1e9;
        double keep = waitSeconds <= 0 ? 0 : Math.exp(-h / waitSeconds);
        return target + (stationaryQueue - target) * keep;
    }

    /**
     * {@code start} requests of this step's arrivals start on free slots: a share {@code startNoWait} of them did
     * not wait, the others waited as the stationary model's served waits spread.
     */
    private void startNow(int slot, double start, double startNoWait, StationaryQueue queue) {
        recorder.served(slot, start, errorRate);
        recorder.servedWait(slot, 0, start * startNoWait);
        double waiting = start * (1 - startNoWait);
        if (waiting > 0) {
            double[] shares = queue.servedWaitShares;
            for (int b = 0; b < shares.length; b++) {
                recorder.servedWait(slot, 1 + b, waiting * shares[b]);
            }
        }
        busy += start;
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

    /**
     * Departures of what arrived (the offered load) and of what started at this step, along the
     * service-time kernel ({@link FluidDepartures}), stretched by the step's factor under a slowdown.
     */
    private void schedule(long step, double arrivals, double started) {
        if (slowdown != null) {
            applySlowdown();
        }
        if (arrivals <= 0 && started <= 0) {
            return;
        }
        if (slowdown != null && started > 0) {
            recorder.stretched(recorder.slotOf(step * stepNanos), started, factor);
        }
        busy = Math.max(0, busy - departures.schedule(step, arrivals, started, factor));
        offered = Math.max(0, offered);
    }

    /**
     * {@code service.slowdown}: the step's starts and its offered load run the factor of the step's mean
     * in-flight per ready replica ({@link Service#slowdownFactor}), so their departure kernel is stretched by
     * it ({@link FluidDepartures}). The in-flight a start sees, itself included, is taken as the
     * discrete-event engine takes it behind the central queue,
     * (busy + 1) / ready, at most the slots per replica (a request that waited starts on a slot just freed),
     * with the fluid busy count of the step; behind a balancer busy / ready + 1, the mean of the replica a
     * random pick lands on (PASTA), at most the concurrency: round-robin and least-in-flight pick a less busy
     * replica than the mean, so there it overstates the factor. Knative's activator in the path sends a
     * request to the first replica with a free slot (as {@link Activator} does), which packs the replicas:
     * a start lands where a slot just freed, on a replica otherwise full, so it sees min(concurrency, busy + 1)
     * (with the mean spread instead, a ramp's KPA saw 30 % less concurrency than DES's and scaled to 12
     * replicas where DES kept 19, then panicked). The spread of the factor between requests
     * (it makes the service time more variable) is left out. The stationary model reads the next step's
     * offered load at this factor ({@link StationaryQueue#loadAtFactor}: it serves the load at its own
     * load-dependent rates). The policy's sample path stretches its starts by the factor of its own busy
     * count, so its fluctuations slow its requests and feed themselves, as a discrete-event run's do (with
     * the fluid's factor, the slowdown ramp's replica-hours were −1.8 % against DES, now −0.2 %).
     */
    private void applySlowdown() {
        int ready = scaling.replicas().ready();
        factor = 1;
        if (ready > 0) {
            double inFlight = activator != null && activator.takesArrivals(ready) ? Math.min(concurrency, busy + 1)
                    : balanced ? Math.min(concurrency, busy / ready + 1) : Math.min(busy + 1, slots()) / ready;
            factor = slowdown.slowdownFactor(inFlight);
        }
        stationary.loadAtFactor(factor);
        if (sampled != null) {
            // the sample path's own load: its fluctuations slow its requests, which feeds them, as in DES
            sampled.stretch(ready > 0 ? slowdown.slowdownFactor(Math.min(sampled.busy() + 1, slots()) / ready) : 1);
        }
    }

    private void endOfSecond(long t) {
        int second = (int) (t / SECOND) - 1;
        if (second % 60 == 59) {
            progress.update(Math.min(1, t / (double) endNanos));
        }
        recorder.endOfSecond(second, scaling.sample(Math.round(heldBusy), Math.round(heldQueue)), slots() / (meanServiceSeconds * factor));
    }
}
