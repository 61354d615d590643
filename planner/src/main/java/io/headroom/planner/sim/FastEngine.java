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
 *       probability ({@link StationaryRouter}; behind the central queue scaled by how far the queue has
 *       filled, {@link QueueFill}) at the current ready slots c and the <em>modified
 *       offered load</em> m(t), the mean number an infinite-server system would hold (the convolution
 *       of all arrivals with the service time: Jennings, Mandelbaum, Massey &amp; Whitt, "Server
 *       staffing to meet time-varying demand", Management Science 42(10), 1996); the rest starts on
 *       free slots, and what does not fit joins the fluid backlog.</li>
 * </ol>
 * The arrivals take the routing's path, each its own class over the shared {@link FluidFlow}: the
 * central queue's ({@link CentralArrivals}), a balancer's per-replica queues ({@link BalancedArrivals}),
 * or Knative's activator while it is in the path ({@link FluidActivator}).
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
 * where the Allen–Cunneen wait scaling is optimistic; (3) behind the central queue and Knative's activator the policy sees
 * one sample path of the queue's counts ({@link SampledQueue}), whose service lengths are
 * {@value SampledQueue#GROUPS} groups of the kernel: the spread within a group is lost, so an
 * exponential service queues a little less than M/M/c (2 slots at half load: mean in flight 2.5 %
 * below DES's); behind any other per-replica balancer it still sees the fluid mean plus a fluctuation
 * ({@link PolicyNoise}); (4) latency percentiles are a
 * mixture of stationary waits and representative service times ({@link FluidRecorder}), not a sample;
 * (5) the 503s of a second are an expected count: the recorder lays them out in bursts of the
 * queue's own size ({@link BurstRenderer}); behind the central queue the stationary share waits for
 * the queue to fill ({@link QueueFill}), behind a balancer it applies at once, and in both a window's
 * onset is only as good as the fluid rate's timing;
 * (6) {@code service.slowdown} ({@link #applySlowdown}) enters through the busy slots, the offered
 * load, the stationary model (a chain whose rates fall as the slots fill), the 503 bursts' capacity,
 * the policy's view and the latencies (the factor's spread, {@link SlowdownSpread}); the 504 share of
 * long services and a balancer's policy noise keep the drawn service time's.
 *
 * <p>Knative ({@code policy: knative}): while the policy's decision puts the activator in the path, or
 * no replica is ready, a step's arrivals meet the activator's pooled queue ({@link FluidActivator}:
 * M/M/c+D over all ready slots, its long waits in the fluid backlog up to the revision timeout, then
 * 504; 503 beyond the activator's queue depth); out of the path the ingress's round-robin to the
 * queue-proxies ({@link ReplicaQueueStationary}, queue 10 × containerConcurrency). The fluid backlog and
 * the stationary queue's content carry over a switch. With no replica ready everything waits in the
 * fluid backlog, and once a request's worth is held while no replica is asked for, the autoscaler
 * decides at once, as the discrete-event engine's first arrival pokes it (scale from zero). The KPA
 * sees the concurrency: busy slots plus all that waits, the activator's included, as one sample path of the
 * pooled queue the activator and the ready slots form ({@link SampledQueue}, waits up to the revision timeout). Near
 * saturation the activator's queue is a random walk whose excursions set how high a panic goes: on the Knative
 * slowdown ramp 9 of 16 seeds reach the 60-replica cap in the first panic, as 9 of DES's do, where with the fluid mean
 * plus a fluctuation ({@link PolicyNoise}) none did and replica-hours were 8 % short. Out of the path the same pooled
 * sample path stands for the queue-proxies: with the burst capacity spare that takes the activator out, nothing waits
 * there. Weak: right after a
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
    private final ServiceTimeTable service;
    private final StationaryQueue stationary;
    /** Under {@code service.slowdown}: the scenario's service (its factor); else null. */
    private final Service slowdown;
    private final int concurrency;
    /** Per-replica routing (a balancer in front of the replicas) rather than azureml-fe's central queue. */
    private final boolean balanced;
    private final FluidRecorder recorder;
    private final ScalingLoop scaling;
    /** Knative's activator, or null for every other routing. */
    private final FluidActivator activator;

    /** Departures scheduled per future step (busy slots, and the offered load's infinite-server count). */
    private final FluidDepartures departures;
    /** Requests that found no free slot, carried between steps. */
    private final FluidBacklog backlog;

    /** What the policy sees: a sample path of the pooled queue, or the fluid mean plus a fluctuation. */
    private final PolicyView view;

    /** The fluid state the arrival paths share: busy slots, the modified offered load, the stationary queue. */
    private final FluidFlow flow;
    /** The arrivals at the central queue, or behind a balancer (the other is null). */
    private final CentralArrivals central;
    private final BalancedArrivals balancedArrivals;
    /** Under {@code service.slowdown}: the spread of the factor between the step's starts, for their latencies; else null. */
    private final SlowdownSpread spread;
    /** What a start sees behind Knative's activator under a slowdown: ordered entry, memoised. */
    private final ActivatorPacking packing;
    /** {@code service.slowdown}'s factor of the last step's starts (1 without a slowdown). */
    private double factor = 1;
    /** Busy slots and queued requests as held over the last step: what the replica sample and the snapshot show. */
    private double heldBusy;
    private double heldQueue;

    FastEngine(Scenario scenario, RandomStreams streams, Progress progress) {
        Service s = scenario.service();
        this.slowdown = s.slowdown() > 0 ? s : null;
        this.spread = slowdown != null ? new SlowdownSpread(s) : null;
        this.packing = slowdown != null ? new ActivatorPacking(s.concurrency()) : null;
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
        this.waitLimitNanos = StationaryQueue.horizonNanos(s);
        this.waitLimitSeconds = waitLimitNanos / 1e9;
        // Knative's activator holds requests up to the revision timeout: the fluid backlog's horizon
        this.activator = routing.mode() == Routing.Mode.KNATIVE ? new FluidActivator(s, waitLimitSeconds, stepNanos / 1e9) : null;
        long backlogNanos = activator != null ? s.timeout().toNanos() : waitLimitNanos;
        // backlog older than the horizon leaves with 504 (it reached the timeout) rather than 503
        boolean expiryTimesOut = balanced && backlogNanos >= s.timeout().toNanos();
        this.service = new ServiceTimeTable(s.serviceTime().sampler(), streams.serviceTimes(), s.serviceTime().mean().toNanos(), stepNanos,
                s.timeout().toNanos());
        this.stationary = StationaryQueue.of(s, waitLimitSeconds, stepNanos / 1e9);
        // a request's factor is at most that of a replica with every slot busy
        double maxStretch = s.slowdownFactor(s.concurrency());
        long highestMicros = Math.max(2, (s.timeout().toNanos() + backlogNanos) / 1000 + 1);
        // behind least-in-flight the waits spread over a replica's departures, up to the timeout (past a full queue's mean)
        DepartureSpread spread = routing.mode() == Routing.Mode.LEAST_IN_FLIGHT
                ? new DepartureSpread(s.concurrency(), s.serviceTime().mean().toNanos() / 1e9, s.serviceTime().cv()) : null;
        long longestWaitNanos = spread != null ? Math.max(backlogNanos, s.timeout().toNanos()) : backlogNanos;
        this.recorder = new FluidRecorder(scenario.traffic().seconds(), waitLimitNanos, longestWaitNanos, spread, highestMicros, service,
                s.timeout().toNanos(), s.serviceTime().cv());
        this.departures = new FluidDepartures(service, slowdown != null, maxStretch);
        this.backlog = new FluidBacklog(stepNanos, backlogNanos, expiryTimesOut, balanced, s.errorRate(), recorder);
        this.flow = new FluidFlow(recorder, backlog, service, stepNanos, s.errorRate(), balanced);
        this.central = balanced ? null : new CentralArrivals(flow, stationary, waitLimitNanos, s.serviceTime().cv());
        this.balancedArrivals = balanced ? new BalancedArrivals(flow, stationary, routing.replicaQueueLimit(), waitLimitNanos) : null;
        // Knative's activator pools the slots as the central queue does, holding requests up to the timeout
        this.view = new PolicyView(service, meanServiceSeconds, !balanced || activator != null, stepNanos,
                activator != null ? backlogNanos : waitLimitNanos, maxStretch, streams.arrivals(), UNITS);
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
            flow.busy = Math.max(0, flow.busy - completions);
            flow.offered = Math.max(0, flow.offered - departures.offeredFreed());
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
            heldBusy = flow.busy;
            // behind a balancer (and Knative's queue-proxies) the backlog and the stationary queue share the replicas'
            // queue places, so both hold requests; behind the central queue the stationary queue stands for the backlog's
            heldQueue = balanced ? backlog.queued() + flow.stationaryQueue : Math.max(backlog.queued(), flow.stationaryQueue);
            view.observe(scaling.metrics(), t, arrivals, completions, slots(), heldBusy, heldQueue);
            if (activator != null) {
                activator.poke(scaling, t, Math.round(heldBusy), Math.round(heldQueue), recorder.log()::event);
            }
            step++;
        }
        scaling.bill(endNanos);
        recorder.log().finish(scaling.replicaNanos(), scaling.peakReady(), scaling.nodePools());
        return recorder;
    }

    /** The ready slots' service capacity, requests per second, at the last step's slowdown factor. */
    private double capacityPerSecond() {
        return slots() / (meanServiceSeconds * factor);
    }

    /** Concurrency slots of the ready replicas. */
    private int slots() {
        return (int) Math.min(Integer.MAX_VALUE, scaling.readySlots());
    }

    /** Backlog older than the max wait gets 503; the rest starts on free slots, oldest first. Returns how many started. */
    private double drainBacklog(long t, long step) {
        flow.drainedNow = 0;
        if (backlog.emptyAt(step)) {
            return 0;
        }
        double started = backlog.drain(t, step, flow.startable(Math.max(0, Math.min(slots(), flow.carriedSlots) - flow.busy)));
        flow.busy += started;
        flow.drainedNow = started;
        return started;
    }

    /** The step's arrivals, on the path the routing takes them: Knative's activator, a balancer, or the central queue. Returns how many started. */
    private double arrive(long t, long step, double arrivals) {
        int ready = scaling.replicas().ready();
        flow.capacityPerSecond = capacityPerSecond();
        if (activatorTakes(ready)) {
            return activator.arrive(flow, t, step, arrivals, slots(), stationary.loadFactor);
        }
        return balancedArrivals != null ? balancedArrivals.arrive(t, step, arrivals, slots(), ready)
                : central.arrive(t, step, arrivals, slots());
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
            recorder.stretched(recorder.slotOf(step * stepNanos), started, spread);
        }
        flow.busy = Math.max(0, flow.busy - departures.schedule(step, arrivals, started, factor));
        flow.offered = Math.max(0, flow.offered);
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
     * ordered entry, whose first n slots are a loss system of their own ({@link ActivatorPacking}: a start sees
     * 3.55 in flight on 4-slot replicas at 25 busy, and every start from a full pool's queue the concurrency; with
     * the mean spread instead, a ramp's KPA saw 30 % less
     * concurrency than DES's and scaled to 12 replicas where DES kept 19, then panicked; with every start on a
     * full replica, min(concurrency, busy + 1), 52 four-slot replicas at 80 rps and b 0.2 ran a factor of 1.625
     * to DES's 1.505, now 1.500, and the Knative slowdown ramp's p99 was −39 % against DES, now −5 %). The
     * latencies take the factor's spread between
     * requests ({@link SlowdownSpread}): the others a start finds are Poisson with the step's mean (behind the
     * central queue the total busy count, spread over the ready replicas; behind a balancer its replica's;
     * behind the packing activator the total, capped at the concurrency). The stationary model reads the next step's
     * offered load at this factor ({@link StationaryQueue#loadAtFactor}: it serves the load at its own
     * load-dependent rates). The policy's sample path stretches its starts by the factor of its own busy
     * count, so its fluctuations slow its requests and feed themselves, as a discrete-event run's do (with
     * the fluid's factor, the slowdown ramp's replica-hours were −1.8 % against DES, now −0.2 %).
     */
    private void applySlowdown() {
        int ready = scaling.replicas().ready();
        factor = 1;
        if (ready > 0) {
            double inFlight = seen(flow.busy, ready);
            factor = slowdown.slowdownFactor(inFlight);
            if (activatorTakes(ready)) {
                spread.of(flow.busy, concurrency - 1, 1, factor);
            } else if (balanced) {
                spread.of(flow.busy / ready, concurrency - 1, 1, factor);
            } else {
                spread.of(flow.busy, slots() - 1, ready, factor);
            }
        } else {
            spread.of(0, 0, 1, 1);
        }
        stationary.loadAtFactor(factor);
        if (view.samples()) {
            // the sample path's own load, seen as the fluid's starts see theirs: its fluctuations slow its requests,
            // which feeds them, as in DES
            view.stretch(ready > 0 ? slowdown.slowdownFactor(seen(view.sampledBusy(), ready)) : 1);
        }
    }

    /**
     * The in flight a start sees on its replica, itself included, at {@code busy} busy slots on {@code ready} &gt; 0 replicas:
     * behind the activator by ordered entry, behind a balancer busy / ready + 1, else (busy + 1) / ready ({@link #applySlowdown}).
     */
    private double seen(double busy, int ready) {
        if (activatorTakes(ready)) {
            return packing.meanSeen(busy, ready);
        }
        return balanced ? Math.min(concurrency, busy / ready + 1) : Math.min(busy + 1, slots()) / ready;
    }

    /** Whether Knative's activator is in the path with {@code ready} replicas ready: it takes the arrivals, packing the replicas. */
    private boolean activatorTakes(int ready) {
        return activator != null && activator.takesArrivals(ready);
    }

    private void endOfSecond(long t) {
        int second = (int) (t / SECOND) - 1;
        if (second % 60 == 59) {
            progress.update(Math.min(1, t / (double) endNanos));
        }
        recorder.endOfSecond(second, scaling.sample(Math.round(heldBusy), Math.round(heldQueue)), capacityPerSecond());
    }
}
