package io.headroom.reports;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.traffic.ArrivalProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * The modelling choices behind a prediction, stated in plain words with the scenario's own numbers,
 * so a reader can tell which behaviour the simulator assumed (see {@code planner}'s {@code Engine}
 * and {@code AzureMlPolicy} for the model itself).
 */
public final class Assumptions {
    private Assumptions() {
    }

    /** The default list for {@code scenario}, in reading order: autoscaler, replicas, router, requests, counting. */
    public static List<String> of(Scenario scenario) {
        Service s = scenario.service();
        List<String> out = new ArrayList<>();
        out.addAll(autoscaler(scenario.autoscaler()));
        out.add("The run starts with " + scenario.autoscaler().initialReplicas() + " warm replica"
                + (scenario.autoscaler().initialReplicas() == 1 ? "" : "s") + " (initialReplicas): ready from the first second.");
        out.add("A new replica takes its startup time (" + Format.distribution(s.startup()) + ") from the scale decision to "
                + "ready: schedule, pull, start and init().");
        if (s.startupFailureRate() > 0) {
            out.add("A fraction " + Format.percent(s.startupFailureRate()) + " of new replicas fail init(); "
                    + "crash-looping replicas never become ready.");
        } else {
            out.add("Crash-looping replicas never become ready (none are expected: startupFailureRate is 0).");
        }
        out.add(scenario.cluster().isPresent()
                ? "A replica that finds no node with room stays Pending; after the scheduling timeout ("
                        + Format.duration(scenario.cluster().get().schedulingTimeout()) + ") FailedScheduling is reported."
                : "Without a cluster section every replica finds a node: cluster capacity is unlimited.");
        boolean knative = s.routing().mode() == Routing.Mode.KNATIVE;
        out.add(knative ? "Requests reach the replicas through Knative's activator and each replica's queue-proxy (below, with the"
                + " autoscaler); a request with no answer by the revision timeout gets 504."
                : s.routing().perReplica()
                ? "A balancer (" + s.routing().mode().key() + ") sends each request to one ready replica at once; it waits in that "
                        + "replica's own first-in, first-out queue, and a replica already holding " + s.routing().replicaQueueLimit()
                        + " waiting requests answers 503."
                : "Replicas are identical; the router queue is first-in, first-out across all of them.");
        if (!knative) {
            out.add(s.maxQueueWait().isZero()
                ? "Requests that find no free slot get 503 at once (maxQueueWait 0s)."
                : "Requests that wait longer than maxQueueWait (" + Format.duration(s.maxQueueWait())
                        + ") in the router queue get 503.");
        }
        out.add("A request whose scoring runs longer than the timeout (" + Format.duration(s.timeout()) + ") gets 504; "
                + "a timed-out request (504) holds its replica until its scoring finishes.");
        out.add("A fraction " + Format.percent(s.errorRate()) + " of requests fail in the scoring function and get 502; "
                + "each holds its replica for its service time.");
        out.add("Service times are " + Format.distribution(s.serviceTime()) + ", drawn when the request arrives.");
        out.add(scenario.traffic().arrivals() == ArrivalProcess.POISSON
                ? "Requests arrive as a Poisson process that follows the traffic profile's rate."
                : "Requests arrive evenly spaced along the traffic profile's rate.");
        out.add("Outcomes are counted in the second the request was sent.");
        out.add("Latency percentiles are of requests a replica served (ok, 504, 502), from the request's arrival; "
                + "503s are not timed.");
        out.add("Replica-hours count replicas that are starting or ready"
                + (scenario.cost().isPresent() ? "; cost = replica-hours × " + Format.significant(scenario.cost().get().perReplicaHour())
                        + " per replica-hour." : "."));
        out.add("The simulator and headroom target drive one router model: the same rules, on simulated or wall-clock time.");
        out.add("One seeded run (seed " + scenario.seed() + "): the same seed gives the same prediction.");
        return List.copyOf(out);
    }

    private static String metricText(HpaSpec h) {
        String window = Format.duration(h.metricWindow());
        return switch (h.metric().type()) {
            case CPU -> "Metric: CPU utilization of the request (target " + Format.percent(h.metric().target()) + "), a pod's CPU "
                    + "following its busy slots (service.cpuUsage), averaged over " + window + "; a pod ready for less than "
                    + window + " within its first " + Format.duration(h.cpuInitializationPeriod()) + " is set aside as unready.";
            case CONCURRENCY -> "Metric: requests in flight per pod (target " + Format.significant(h.metric().target())
                    + "), averaged over " + window + " as a Prometheus adapter serves it.";
            case RPS -> "Metric: requests per second per ready pod (target " + Format.significant(h.metric().target())
                    + "), a rate() over " + window + ".";
            case EXTERNAL -> "Metric: an External AverageValue (KEDA): the service's requests per second over " + window
                    + " divided by " + Format.significant(h.metric().target()) + " per pod.";
        };
    }

    /** What the policy does, in the scenario's numbers. */
    static List<String> autoscaler(AutoscalerSpec spec) {
        return spec.match(new AutoscalerSpec.Cases<List<String>>() {
            @Override
            public List<String> azureml(AzureMlSpec a) {
                String target = Format.percent(a.targetUtilization());
                return List.of("Utilization = (busy + queued) / (ready replicas × concurrency), as azureml-fe measures it, with busy + "
                                + "queued averaged over the refresh interval (" + Format.duration(a.refreshInterval()) + "); "
                                + "requests already answered 503 do not count.",
                        "Every " + Format.duration(a.refreshInterval()) + " the autoscaler computes the replicas that would bring "
                                + "utilization to the target (" + target + "): ceil(mean(busy + queued) / (concurrency × target)), "
                                + "kept within minReplicas " + a.minReplicas() + " and maxReplicas " + a.maxReplicas() + ".",
                        "The autoscaler adds replicas at once when utilization is above target; one step adds as many as needed "
                                + "(the vendor documents no step limit).",
                        "Scale-down happens when utilization averaged over the scale-down delay (" + Format.duration(a.scaleDownDelay())
                                + ") is below target and the last change is at least that long ago; it goes to the need of that "
                                + "average, so a steady load settles at the documented sizing rule.");
            }

            @Override
            public List<String> hpa(HpaSpec h) {
                List<String> out = new java.util.ArrayList<>();
                out.add("A Kubernetes HorizontalPodAutoscaler syncs every " + Format.duration(h.syncPeriod()) + " and computes, as "
                        + "upstream's replica calculator does, ceil(current metric / target × pods with a metric), keeping the "
                        + "count when the ratio is within the tolerance (" + Format.percent(h.tolerance()) + "), kept within "
                        + "minReplicas " + h.minReplicas() + " and maxReplicas " + h.maxReplicas() + ".");
                out.add(metricText(h));
                out.add("Pods without a metric sample count as 0 on scale-up and at the target on scale-down; unready pods count "
                        + "as 0 on scale-up, so booting pods are taken as capacity already asked for.");
                out.add(h.behavior().map(b -> "Behavior: scale-up stabilization " + Format.duration(b.scaleUp().stabilizationWindow())
                        + ", scale-down stabilization " + Format.duration(b.scaleDown().stabilizationWindow())
                        + "; each direction's rate limit counts from the replicas at the start of its policies' periods.")
                        .orElse("No behavior (the legacy path, as KEDA creates it): scale-up at most max(2 × current, 4) per sync; "
                                + "scale-down to the highest recommendation of the last " + Format.duration(h.downscaleStabilization())
                                + "."));
                return out;
            }

            @Override
            public List<String> knative(KnativeSpec k) {
                return List.of("Knative's pod autoscaler (KPA) decides every " + Format.duration(k.tickInterval()) + " as upstream's "
                                + "Scale() does: ceil(average concurrency / " + Format.significant(k.targetValue()) + ") over the stable "
                                + "window (" + Format.duration(k.stableWindow()) + ") and the panic window (" + Format.duration(k.panicWindow())
                                + "), concurrency being requests in the queue-proxies and the activator.",
                        "It panics when the panic window asks for " + Format.significant(k.panicThreshold()) + "× the ready replicas, "
                                + "and then never scales down until a stable window has passed without that; each decision grows at most "
                                + Format.significant(k.maxScaleUpRate()) + "× and shrinks at most ÷" + Format.significant(k.maxScaleDownRate())
                                + " the ready replicas, kept within " + k.minReplicas() + " and " + k.maxReplicas() + ".",
                        "Requests pass through the activator (which holds up to " + KnativeSpec.ACTIVATOR_QUEUE_DEPTH
                                + " requests until a replica has a free slot) while the excess burst capacity (target burst capacity "
                                + Format.significant(k.targetBurstCapacity()) + ") is negative or no replica is ready; otherwise they go "
                                + "round-robin straight to the replicas, whose queue-proxy admits " + k.containerConcurrency()
                                + " at once and queues " + k.queueProxyDepth() + " more (then 503).",
                        k.minReplicas() == 0 ? "With minReplicas 0 the revision scales to zero a stable window plus the grace period ("
                                + Format.duration(k.scaleToZeroGracePeriod()) + ") after its traffic stops; the next request waits in the "
                                + "activator for a cold start, or gets 504 at the revision timeout (" + Format.duration(k.timeout()) + ")."
                                : "minReplicas " + k.minReplicas() + " keeps replicas warm: no scale to zero.");
            }

            @Override
            public List<String> fixed(StaticSpec st) {
                return List.of("The replica count is fixed at " + st.replicas() + " (static policy): nothing scales, so every 503 "
                        + "window is a replica cap.");
            }
        });
    }
}
