package io.headroom.cli;

import io.headroom.planner.cluster.ClusterFit;
import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.PoolFit;
import io.headroom.planner.cluster.ScaleUpPlan;
import io.headroom.planner.sizing.HumanFormat;
import io.headroom.planner.sizing.QueueingCheck;
import io.headroom.planner.sizing.SizingQuery;
import io.headroom.planner.sizing.SizingResult;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code headroom size --format table}: aligned plain text, {@link Locale#ROOT}. */
final class SizeTable {
    private SizeTable() {
    }

    static String render(SizingResult r) {
        return render(r, null);
    }

    /** As {@link #render(SizingResult)}, naming the service-time p99 the cv was fitted to (null when --cv was given). */
    static String render(SizingResult r, Duration p99) {
        SizingQuery q = r.query();
        StringBuilder out = new StringBuilder();
        String service = p99 == null ? "service cv " + HumanFormat.plain(q.serviceCv())
                : "service p99 " + Durations.format(p99) + " (lognormal, cv " + HumanFormat.plain(round(q.serviceCv())) + ")";
        out.append(String.format(Locale.ROOT, "%s rps, latency %s, target utilization %s, concurrency %d, max wait %s, %s%n",
                HumanFormat.plain(q.targetRps()), Durations.format(q.latency()), HumanFormat.plain(q.targetUtilization()),
                q.concurrency(), Durations.format(q.maxWait()), service));
        out.append(System.lineSeparator());

        List<QueueingCheck> checks = new ArrayList<>(List.of(r.atReplicas()));
        List<String> heads = new ArrayList<>(List.of("sizing rule"));
        if (r.atSloReplicas() != null) {
            checks.add(r.atSloReplicas());
            heads.add("SLO (" + slos(q) + ")");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row("", heads, Function.identity()));
        rows.add(row("replicas", checks, c -> Integer.toString(c.replicas())));
        rows.add(row("servers (replicas x concurrency)", checks, c -> Integer.toString(c.servers())));
        rows.add(row("offered load", checks, c -> HumanFormat.plain(round(c.offeredLoad())) + " Erlangs"));
        rows.add(row("utilization", checks, c -> HumanFormat.percent(c.utilization())));
        rows.add(row("probability of wait", checks, c -> HumanFormat.percent(c.probabilityOfWait())));
        rows.add(row("mean queue wait", checks, c -> wait(c.meanWaitSeconds())));
        rows.add(row("p99 queue wait", checks, c -> wait(c.p99WaitSeconds())));
        rows.add(row("503 fraction (wait > " + Durations.format(q.maxWait()) + ")", checks,
                c -> HumanFormat.percent(c.rejectionFraction())));
        out.append(align(rows, false));

        if (r.nodes() != null) {
            out.append(System.lineSeparator()).append(nodes(r.nodes(), q));
        }
        out.append(System.lineSeparator()).append(r.explanation()).append(System.lineSeparator());
        return out.toString();
    }

    private static String nodes(ClusterFit fit, SizingQuery q) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "nodes for %d replicas (each requests %s cpu, %s GB, %d GPU):%n",
                fit.replicas(), HumanFormat.plain(q.resources().cpu()), HumanFormat.plain(q.resources().memoryGb()),
                q.resources().gpu()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"pool", "nodes", "cpu", "memory GB", "gpu", "replicas/node", "nodes needed alone",
            "nodes used", "replicas placed"});
        for (PoolFit p : fit.pools()) {
            rows.add(new String[] {p.pool().name(), Integer.toString(p.pool().count()), HumanFormat.plain(p.pool().cpu()),
                HumanFormat.plain(p.pool().memoryGb()), Integer.toString(p.pool().gpu()), Integer.toString(p.replicasPerNode()),
                p.nodesNeeded() == null ? "never" : Long.toString(p.nodesNeeded()), Integer.toString(p.nodesUsed()),
                Long.toString(p.replicasPlaced())});
        }
        out.append(align(rows, true));
        out.append(String.format(Locale.ROOT, "%s: %d of %d replicas fit%n", fit.fits() ? "fits" : "DOES NOT FIT",
                fit.replicasThatFit(), fit.replicas()));
        if (fit.schedulerMessage() != null) {
            out.append("scheduler: ").append(fit.schedulerMessage()).append(System.lineSeparator());
        }
        for (ScaleUpPlan plan : ScaleUpPlan.of(q.resources(), q.nodePools(), fit.replicas(), NodeAutoscaler.DEFAULT_SCAN_INTERVAL)) {
            out.append(scaleUp(plan)).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** One autoscaled pool: the nodes the peak needs and how long a scale-up from the count takes. */
    private static String scaleUp(ScaleUpPlan p) {
        String pool = "pool " + p.pool().name() + " (max " + p.pool().max() + "): ";
        if (p.nodesAdded() == 0) {
            return pool + "the peak needs " + p.nodesAtPeak() + " nodes, no more than its " + p.nodesNow() + "; no scale-up";
        }
        String wait = Durations.format(p.waitMin()) + " to " + Durations.format(p.waitMax());
        String ready = p.provisioning().map(d -> ", and the nodes are Ready " + Durations.format(d.mean())
                + " later: about " + Durations.format(p.waitMin().plus(d.mean())) + " to " + Durations.format(p.waitMax().plus(d.mean()))
                + " after the first Pending replica, before the replicas' own startup").orElse(
                        "; then each node's provisioning time (give it as the 7th field, e.g. :5m; GPU nodes measure 3-8 min)");
        return pool + "the peak needs " + p.nodesAtPeak() + " nodes" + (p.fits() ? "" : " (and still does not fit at max)")
                + ", a scale-up of " + p.nodesAdded() + " from " + p.nodesNow() + ": the cluster autoscaler asks " + wait
                + " after the first replica goes Pending (it waits for a Pending age of " + Durations.format(p.waitMin())
                + ", then its next 10s scan)" + ready;
    }

    private static <T> String[] row(String label, List<T> values, Function<T, String> cell) {
        String[] row = new String[values.size() + 1];
        row[0] = label;
        for (int i = 0; i < values.size(); i++) {
            row[i + 1] = cell.apply(values.get(i));
        }
        return row;
    }

    /** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
    private static String align(List<String[]> rows, boolean indent) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent ? "  " : "");
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? row[i] + pad : "  " + pad + row[i]);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String slos(SizingQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.slo503() != null) {
            parts.add("503 <= " + HumanFormat.percent(q.slo503()));
        }
        if (q.sloP99Wait() != null) {
            parts.add("p99 wait <= " + Durations.format(q.sloP99Wait()));
        }
        return String.join(", ", parts);
    }

    private static String wait(Double seconds) {
        return HumanFormat.seconds(seconds);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
