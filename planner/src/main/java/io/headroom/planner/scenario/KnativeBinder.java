package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.FRACTION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.WHOLE_NUMBER;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * Binds {@code autoscaler} for {@code policy: knative} (upstream names and defaults, knative/serving
 * {@code config-autoscaler} and revision annotations; durations with units): minReplicas 0 (min-scale;
 * 0 allows scale to zero), maxReplicas (required), initialScale max(1, minReplicas) (0 only with
 * minReplicas 0), containerConcurrency service.concurrency (must equal it: it is the replica's slots),
 * target containerConcurrency (at most it), targetUtilization 0.7, targetBurstCapacity 211 (-1: the
 * activator always in path), stableWindow 60s (whole seconds, 6s..1h), panicWindow 6s (whole seconds,
 * 1s..stableWindow), panicThreshold 2.0 (1.1..10), maxScaleUpRate 1000 and maxScaleDownRate 2 (both
 * &gt; 1), scaleDownDelay 0s (whole seconds, up to 1h), activationScale 1, scaleToZeroGracePeriod 30s,
 * tickInterval 2s (whole seconds), timeout 300s (the revision's timeoutSeconds: 504 after it).
 */
final class KnativeBinder {
    static final Keys KEYS = Keys.of(
            optional("minReplicas", WHOLE_NUMBER, "min-scale: the fewest replicas; 0 allows scale to zero"),
            new Key("maxReplicas", WHOLE_NUMBER, true, "max-scale: the most replicas the autoscaler asks for"),
            optional("initialScale", WHOLE_NUMBER, "replicas when the revision is created (default max(1, minReplicas))"),
            optional("containerConcurrency", WHOLE_NUMBER, "the hard limit of requests one replica serves at once (= service.concurrency)"),
            optional("target", NUMBER, "the concurrency target per replica (default containerConcurrency)"),
            optional("targetUtilization", FRACTION, "the share of the target the autoscaler aims for"),
            optional("targetBurstCapacity", NUMBER, "spare requests kept before the activator leaves the path; -1: always in path"),
            optional("stableWindow", DURATION, "the window the stable average of concurrency is taken over"),
            optional("panicWindow", DURATION, "the window the panic average of concurrency is taken over"),
            optional("panicThreshold", NUMBER, "panic when the panic average reaches this multiple of the ready capacity"),
            optional("maxScaleUpRate", NUMBER, "at most this many times the ready replicas per decision"),
            optional("maxScaleDownRate", NUMBER, "at least the ready replicas divided by this per decision"),
            optional("scaleDownDelay", DURATION, "the window over which the highest recommendation holds before a scale-down"),
            optional("activationScale", WHOLE_NUMBER, "the fewest replicas when scaling up from zero"),
            optional("scaleToZeroGracePeriod", DURATION, "how long the last replica stays after the revision went inactive"),
            optional("tickInterval", DURATION, "how often the autoscaler decides"),
            optional("timeout", DURATION, "the revision's timeoutSeconds: a request older than this gets 504"));

    private KnativeBinder() {
    }

    static KnativeSpec bind(Section s, Service service) {
        s.required("maxReplicas");
        int min = s.intAtLeast("minReplicas", 0, 0);
        int max = s.intAtLeast("maxReplicas", 1, 1);
        if (max < min) {
            throw Section.error("autoscaler.maxReplicas must be >= autoscaler.minReplicas (" + min + ")", s.required("maxReplicas"));
        }
        int initial = s.intAtLeast("initialScale", Math.max(1, min), 0);
        if (s.has("initialScale") && (initial < min || initial > max)) {
            throw Section.error("autoscaler.initialScale must be within minReplicas..maxReplicas (" + min + ".." + max + ")",
                    s.required("initialScale"));
        }
        if (!s.has("initialScale") && initial > max) {
            initial = max;
        }
        int cc = s.intAtLeast("containerConcurrency", service.concurrency(), 1);
        if (cc != service.concurrency()) {
            throw Section.error("autoscaler.containerConcurrency must equal service.concurrency (" + service.concurrency()
                    + ": the replica's slots, which the queue-proxy enforces)", s.required("containerConcurrency"));
        }
        double target = s.number("target", cc, 0, true, cc);
        double utilization = s.number("targetUtilization", KnativeSpec.DEFAULT_TARGET_UTILIZATION, 0, true, 1);
        double tbc = s.number("targetBurstCapacity", KnativeSpec.DEFAULT_TARGET_BURST_CAPACITY, -1, false, 1e9);
        if (tbc < 0 && tbc != -1) {
            throw Section.error("autoscaler.targetBurstCapacity must be -1 (activator always in path) or >= 0",
                    s.required("targetBurstCapacity"));
        }
        Duration stable = wholeSeconds(s, "stableWindow", KnativeSpec.DEFAULT_STABLE_WINDOW, Duration.ofSeconds(6), Duration.ofHours(1));
        Duration panic = wholeSeconds(s, "panicWindow", KnativeSpec.DEFAULT_PANIC_WINDOW, Duration.ofSeconds(1), stable);
        double threshold = s.number("panicThreshold", KnativeSpec.DEFAULT_PANIC_THRESHOLD, 1.1, false, 10);
        double up = s.number("maxScaleUpRate", KnativeSpec.DEFAULT_MAX_SCALE_UP_RATE, 1, true, 1e9);
        double down = s.number("maxScaleDownRate", KnativeSpec.DEFAULT_MAX_SCALE_DOWN_RATE, 1, true, 1e9);
        Duration delay = wholeSeconds(s, "scaleDownDelay", Duration.ZERO, Duration.ZERO, Duration.ofHours(1));
        int activation = s.intAtLeast("activationScale", 1, 1);
        Duration grace = s.duration("scaleToZeroGracePeriod", KnativeSpec.DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD);
        Duration tick = wholeSeconds(s, "tickInterval", KnativeSpec.DEFAULT_TICK_INTERVAL, Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration timeout = s.positiveDuration("timeout", KnativeSpec.DEFAULT_TIMEOUT);
        int initialScale = initial;
        return Section.build(() -> new KnativeSpec(min, max, initialScale, cc, target, utilization, tbc, stable, panic, threshold, up, down,
                delay, activation, grace, tick, timeout), "autoscaler", s.location());
    }

    /**
     * The service as {@code autoscaler} serves it: for knative, behind the activator and queue-proxies
     * ({@link Routing.Mode#KNATIVE}, queue 10 × containerConcurrency) with the revision timeout; the
     * service keys knative replaces are errors. Other policies: {@code service} unchanged.
     */
    static Service dataPath(AutoscalerSpec autoscaler, Service service, Section serviceSection) {
        return autoscaler.match(new AutoscalerSpec.Cases<Service>() {
            @Override
            public Service azureml(AzureMlSpec a) {
                return service;
            }

            @Override
            public Service hpa(HpaSpec h) {
                return service;
            }

            @Override
            public Service fixed(StaticSpec st) {
                return service;
            }

            @Override
            public Service knative(KnativeSpec k) {
                for (String key : List.of("maxQueueWait", "timeout", "routing", "replicaQueueLimit")) {
                    if (serviceSection.has(key)) {
                        throw Section.error("service." + key + " is not used by policy knative (requests wait in the activator and the"
                                + " queue-proxies up to the revision timeout, autoscaler.timeout)", serviceSection.required(key));
                    }
                }
                return service.withTimeout(k.timeout()).withRouting(new Routing(Routing.Mode.KNATIVE, k.queueProxyDepth()));
            }
        });
    }

    private static Duration wholeSeconds(Section s, String key, Duration defaultValue, Duration least, Duration most) {
        Duration d = s.duration(key, defaultValue);
        if (d.compareTo(least) < 0 || d.compareTo(most) > 0 || d.toNanos() % 1_000_000_000L != 0) {
            throw Section.error("autoscaler." + key + " must be whole seconds within " + Durations.format(least) + ".."
                    + Durations.format(most), s.required(key));
        }
        return d;
    }
}
