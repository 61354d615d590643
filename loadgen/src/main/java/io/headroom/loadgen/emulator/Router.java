package io.headroom.loadgen.emulator;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.RandomStreams;
import io.headroom.planner.sim.RouterModel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The emulated endpoint's driver of the planner's {@link RouterModel} — the very rules the simulator
 * runs (admit, queue, start, expire, 503/504/502, the autoscaler's tick and the replicas), here on a
 * {@link Scheduler}'s clock. This class only holds the HTTP exchanges the model names by handle,
 * arms the timers the model asks for (slot frees, answers, queue expiry, replica readiness, ticks)
 * and counts answers for {@code /metrics}. Every method runs on the scheduler's thread, so the state
 * needs no locks; requests are held by scheduled tasks, never by a parked thread.
 */
final class Router implements RouterModel.Listener {
    static final String OK_BODY = "{\"status\":\"ok\"}";
    static final String NO_SLOT_BODY = "{\"error\":\"no replica slot free within the queue wait limit\",\"status\":503}";
    static final String TIMEOUT_BODY = "{\"error\":\"scoring timeout\",\"status\":504}";
    static final String FAILED_BODY = "{\"error\":\"the scoring function failed\",\"status\":502}";

    private final Scheduler scheduler;
    private final RouterModel model;
    private final Map<Long, Exchange> exchanges = new HashMap<>();

    private long nextHandle;
    private long expiryArmedAtNanos = Long.MAX_VALUE;
    private long dueArmedAtNanos = Long.MAX_VALUE;
    private boolean stopped;
    private long served;
    private long rejected503;
    private long timeout504;
    private long error502;

    Router(Scenario scenario, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.model = new RouterModel(scenario, RandomStreams.of(scenario.seed()), this);
    }

    /** Starts the autoscaler's clock: the first tick one interval after the scheduler's time 0. Call once, from any thread. */
    void start() {
        scheduler.execute(() -> {
            scheduleTick(model.tickIntervalNanos());
            armDue();
        });
    }

    /** A scoring request arrives (on any thread). */
    void score(Exchange exchange) {
        scheduler.execute(() -> arrive(exchange));
    }

    /** Answers with the metrics JSON, read on the router thread (called from any thread). */
    void metrics(Exchange exchange) {
        scheduler.execute(() -> exchange.answer(200, metricsNow().toJson()));
    }

    /** Counts a 503 given outside the model (the connection cap), so /metrics still adds up. */
    void countRejectedElsewhere() {
        scheduler.execute(() -> rejected503++);
    }

    /** The metrics, on the router thread. */
    EndpointMetrics metricsNow() {
        return EndpointMetrics.of(TimeUnit.NANOSECONDS.toMillis(scheduler.nowNanos()), model.sample(), served, rejected503,
                timeout504, error502);
    }

    /** Stops the timers: nothing scheduled runs its model step any more; requests still held are not answered. */
    void stop() {
        stopped = true;
    }

    private void arrive(Exchange exchange) {
        if (stopped) {
            return;
        }
        long handle = nextHandle++;
        exchanges.put(handle, exchange);
        model.arrive(scheduler.nowNanos(), handle);
        armExpiry();
    }

    @Override
    public void started(long handle, long arrivalNanos, long waitNanos, long serviceNanos, long answerAfterNanos, int status) {
        Exchange exchange = exchanges.remove(handle);
        long now = scheduler.nowNanos();
        if (status == RouterModel.TIMED_OUT) {
            scheduler.scheduleAt(now + answerAfterNanos, () -> {
                timeout504++;
                exchange.answer(504, TIMEOUT_BODY);
            });
            scheduler.scheduleAt(now + serviceNanos, this::slotFreed);
        } else {
            scheduler.scheduleAt(now + serviceNanos, () -> {
                if (status == RouterModel.FAILED) {
                    error502++;
                    exchange.answer(502, FAILED_BODY);
                } else {
                    served++;
                    exchange.answer(200, OK_BODY);
                }
                slotFreed();
            });
        }
    }

    @Override
    public void rejected(long handle, long arrivalNanos, long waitNanos) {
        rejected503++;
        exchanges.remove(handle).answer(503, NO_SLOT_BODY);
    }

    @Override
    public void timedOutWaiting(long handle, long arrivalNanos, long waitNanos) {
        timeout504++;
        exchanges.remove(handle).answer(504, TIMEOUT_BODY);
    }

    @Override
    public void replicaStarting(long readyAtNanos) {
        scheduler.scheduleAt(readyAtNanos, () -> {
            if (!stopped) {
                model.replicasDue(scheduler.nowNanos());
                armExpiry();
                armDue();
            }
        });
    }

    /** One timer for the model's next node event (cluster autoscaler scan, node arrival) or readiness, when it comes first. */
    private void armDue() {
        long next = model.nextReadyAtNanos();
        if (next < dueArmedAtNanos) {
            dueArmedAtNanos = next;
            scheduler.scheduleAt(next, () -> {
                dueArmedAtNanos = Long.MAX_VALUE;
                if (!stopped) {
                    model.replicasDue(scheduler.nowNanos());
                    armExpiry();
                    armDue();
                }
            });
        }
    }

    private void slotFreed() {
        if (!stopped) {
            model.finish(scheduler.nowNanos());
            armExpiry();
        }
    }

    /** One timer at a time, for the head's deadline; FIFO with one wait limit means later heads expire later. */
    private void armExpiry() {
        long next = model.nextExpiryNanos();
        if (next < expiryArmedAtNanos) {
            expiryArmedAtNanos = next;
            scheduler.scheduleAt(next, this::expiryDue);
        }
    }

    private void expiryDue() {
        expiryArmedAtNanos = Long.MAX_VALUE;
        if (!stopped) {
            model.expire(scheduler.nowNanos());
            armExpiry();
        }
    }

    private void scheduleTick(long atNanos) {
        scheduler.scheduleAt(atNanos, () -> {
            if (!stopped) {
                model.tick(scheduler.nowNanos());
                armExpiry();
                armDue();
                scheduleTick(atNanos + model.tickIntervalNanos());
            }
        });
    }
}
