package io.headroom.reports;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.traffic.PiecewiseLinearRate;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Trace;
import io.headroom.planner.traffic.Traffic;
import java.util.Locale;

/** The scenario as small label/value tables, one per group, side by side: scenario, service, autoscaler, cluster, traffic, SLOs, cost. */
final class InputsSection {
    private InputsSection() {
    }

    static void append(StringBuilder out, Scenario sc) {
        Page.section(out, "inputs", "Inputs");
        out.append("<div class=\"inputs\">\n");
        open(out, "Scenario");
        row(out, "name", sc.name());
        row(out, "source", sc.source());
        row(out, "seed", Long.toString(sc.seed()));
        Service s = sc.service();
        group(out, "Service (per replica)");
        row(out, "service time", Format.distribution(s.serviceTime()));
        row(out, "concurrency", s.concurrency() + " request" + (s.concurrency() == 1 ? "" : "s") + " at once");
        row(out, "max queue wait (then 503)", s.routing().mode() == io.headroom.planner.scenario.Routing.Mode.KNATIVE
                ? "none: the activator and queue-proxies hold requests up to the revision timeout" : Format.duration(s.maxQueueWait()));
        row(out, "timeout (then 504)", Format.duration(s.timeout()));
        row(out, "error rate (502)", Format.percent(s.errorRate()));
        row(out, "startup (decision to ready)", Format.distribution(s.startup()));
        row(out, "startup failure rate", Format.percent(s.startupFailureRate()));
        row(out, "resources", String.format(Locale.ROOT, "%s CPU, %s GB memory, %d GPU",
                Format.significant(s.resources().cpu()), Format.significant(s.resources().memoryGb()), s.resources().gpu()));
        group(out, "Autoscaler");
        row(out, "policy", sc.autoscaler().policy());
        sc.autoscaler().match(new AutoscalerSpec.Cases<Void>() {
            @Override
            public Void azureml(AzureMlSpec a) {
                row(out, "replicas", a.minReplicas() + " to " + a.maxReplicas()
                        + (a.initialReplicas() == a.minReplicas() ? "" : ", " + a.initialReplicas() + " at the start"));
                row(out, "target utilization", Format.percent(a.targetUtilization()));
                row(out, "refresh interval", Format.duration(a.refreshInterval()));
                row(out, "scale-down delay", Format.duration(a.scaleDownDelay()));
                return null;
            }

            @Override
            public Void hpa(HpaSpec h) {
                row(out, "replicas", h.minReplicas() + " to " + h.maxReplicas()
                        + (h.initialReplicas() == h.minReplicas() ? "" : ", " + h.initialReplicas() + " at the start"));
                row(out, "metric", h.metric().type().key() + ", target " + (h.metric().type() == HpaMetric.Type.CPU
                        ? Format.percent(h.metric().target()) + " of the CPU request" : Format.significant(h.metric().target()) + " per pod"));
                row(out, "sync period / metric window", Format.duration(h.syncPeriod()) + " / " + Format.duration(h.metricWindow()));
                row(out, "tolerance", Format.percent(h.tolerance()));
                row(out, "behavior", h.behavior().map(b -> "up: stabilization " + Format.duration(b.scaleUp().stabilizationWindow())
                        + "; down: stabilization " + Format.duration(b.scaleDown().stabilizationWindow()))
                        .orElse("none (legacy path)"));
                return null;
            }

            @Override
            public Void knative(KnativeSpec k) {
                row(out, "replicas", k.minReplicas() + " to " + k.maxReplicas() + ", " + k.initialReplicas() + " at the start");
                row(out, "container concurrency / target", k.containerConcurrency() + " / " + Format.significant(k.target()) + " × "
                        + Format.percent(k.targetUtilization()));
                row(out, "target burst capacity", Format.significant(k.targetBurstCapacity()));
                row(out, "stable / panic window", Format.duration(k.stableWindow()) + " / " + Format.duration(k.panicWindow())
                        + ", panic at " + Format.percent(k.panicThreshold()));
                row(out, "scale rates (up / down)", Format.significant(k.maxScaleUpRate()) + " / " + Format.significant(k.maxScaleDownRate()));
                row(out, "scale-down delay / to-zero grace", Format.duration(k.scaleDownDelay()) + " / "
                        + Format.duration(k.scaleToZeroGracePeriod()));
                row(out, "revision timeout (then 504)", Format.duration(k.timeout()));
                return null;
            }

            @Override
            public Void fixed(StaticSpec st) {
                row(out, "replicas", Integer.toString(st.replicas()));
                return null;
            }
        });
        group(out, "Cluster");
        if (sc.cluster().isEmpty()) {
            row(out, "capacity", "unlimited (no cluster section)");
        } else {
            Cluster c = sc.cluster().get();
            for (NodePool p : c.nodePools()) {
                row(out, "node pool " + p.name(), String.format(Locale.ROOT, "%d nodes × (%s CPU, %s GB, %d GPU), %d replicas per node",
                        p.count(), Format.significant(p.cpu()), Format.significant(p.memoryGb()), p.gpu(),
                        p.replicasPerNode(s.resources()))
                        + (c.nodesChange() && p.autoscaled() ? String.format(Locale.ROOT, "; autoscaled %d–%d, a new node takes %s",
                                p.min(), p.max(), p.provisioning().map(Format::distribution).orElse("—")) : "")
                        + (p.costPerHour() > 0 ? "; " + Format.significant(p.costPerHour()) + " per node-hour" : ""));
            }
            c.autoscaler().ifPresent(a -> row(out, "cluster autoscaler", String.format(Locale.ROOT,
                    "scan %s, pending age 2 s (30 s for GPU pods), node provision limit %s, scale-down after %s unneeded"
                            + " (not within %s of a scale-up, below %s utilization), expander %s",
                    Format.duration(a.scanInterval()), Format.duration(a.maxNodeProvisionTime()), Format.duration(a.scaleDownUnneededTime()),
                    Format.duration(a.scaleDownDelayAfterAdd()), Format.significant(a.scaleDownUtilizationThreshold()),
                    a.expander().label())));
            if (c.placeholders().replicas() > 0) {
                row(out, "placeholders", c.placeholders().replicas() + " pause pods at priority " + c.placeholders().priority()
                        + (c.placeholders().triggerScaleUp() ? " (evicted ones ask for nodes)" : " (expendable: they never ask for nodes)"));
            }
            row(out, "replicas the cluster holds", Format.count(c.replicaCapacity(s.resources())));
            row(out, "scheduling timeout", Format.duration(c.schedulingTimeout()));
        }
        traffic(out, sc.traffic());
        slo(out, sc.slo());
        group(out, "Cost");
        row(out, "per replica-hour", sc.cost().map(c -> Format.significant(c.perReplicaHour())).orElse("not set"));
        out.append("</tbody></table>\n</div>\n");
        Page.endSection(out);
    }

    private static void traffic(StringBuilder out, Traffic t) {
        group(out, "Traffic");
        row(out, "duration", Format.duration(t.duration()) + " (" + Format.clock(t.seconds()) + ")");
        t.clock().startText().ifPresent(start -> row(out, "start", start));
        row(out, "arrivals", t.arrivals().name().toLowerCase(Locale.ROOT));
        if (t.shape() instanceof RateProfile profile) {
            for (Segment seg : profile.segments()) {
                String at = "from " + t.clock().at(seg.at().getSeconds());
                if (seg instanceof Segment.Step step) {
                    row(out, at, Format.significant(step.rps()) + " requests/s");
                } else if (seg instanceof Segment.Ramp ramp) {
                    row(out, at, "ramp to " + Format.significant(ramp.toRps()) + " requests/s over " + Format.duration(ramp.over()));
                }
            }
        } else if (t.shape() instanceof Trace trace) {
            row(out, "trace", trace.file());
            row(out, "trace buckets", Format.count(trace.counts().size()) + " of " + Format.duration(trace.resolution())
                    + " (" + Format.duration(trace.length()) + ")"
                    + (trace.from().isZero() ? "" : ", from " + Format.duration(trace.from()) + " into the file"));
            if (trace.scale() != 1) {
                row(out, "trace scale", "every count × " + Format.significant(trace.scale()));
            }
        }
        PiecewiseLinearRate rate = t.shape().rate();
        double seconds = t.duration().toNanos() / 1e9;
        row(out, "peak rate", Format.significant(rate.peakRate(seconds)) + " requests/s");
        double expected = rate.expectedCount(0, seconds);
        row(out, "expected requests", Format.count(Math.round(expected)) + " (mean " + Format.significant(expected / seconds)
                + " requests/s)");
    }

    private static void slo(StringBuilder out, Slo slo) {
        group(out, "SLOs");
        if (slo.isEmpty()) {
            row(out, "objectives", "none set");
            return;
        }
        if (slo.max503Fraction().isPresent()) {
            row(out, "503 fraction", "≤ " + Format.percent(slo.max503Fraction().getAsDouble()));
        }
        slo.latencyP50().ifPresent(d -> row(out, "latency p50", "≤ " + Format.duration(d)));
        slo.latencyP90().ifPresent(d -> row(out, "latency p90", "≤ " + Format.duration(d)));
        slo.latencyP99().ifPresent(d -> row(out, "latency p99", "≤ " + Format.duration(d)));
    }

    /** Closes the previous group's table and opens the next: groups sit side by side in a grid. */
    private static void group(StringBuilder out, String title) {
        out.append("</tbody></table>\n");
        open(out, title);
    }

    private static void open(StringBuilder out, String title) {
        out.append("<table><caption>").append(Html.escape(title)).append("</caption><tbody>\n");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
