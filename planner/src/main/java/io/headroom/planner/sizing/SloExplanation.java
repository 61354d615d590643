package io.headroom.planner.sizing;

import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The one-line explanation of a sizing: where the count comes from and which SLO binds. */
final class SloExplanation {
    private SloExplanation() {
    }

    static String explain(SizingQuery query, int replicas, Integer sloReplicas) {
        String rule = "ceil(" + HumanFormat.plain(query.targetRps()) + " rps x " + Durations.format(query.latency())
                + " / " + HumanFormat.plain(query.targetUtilization()) + " / " + query.concurrency() + ") = " + replicas;
        if (sloReplicas == null) {
            return "the sizing rule gives " + rule + " replicas; no SLO was given";
        }
        String slos = sloNames(query);
        if (sloReplicas == 1) {
            return "1 replica already meets " + slos + "; the sizing rule gives " + rule;
        }
        String binding = binding(query, sloReplicas);
        if (sloReplicas <= replicas) {
            String suffix = sloReplicas == replicas ? "; no fewer would do (" + binding + ")"
                    : "; " + sloReplicas + " would suffice (" + binding + ")";
            return "the formula's " + replicas + " replicas (" + rule + ") already meet " + slos + suffix;
        }
        return binding + "; the formula's " + replicas + " replicas fall short (" + shortfall(query, replicas) + ")";
    }

    private static String sloNames(SizingQuery query) {
        if (query.slo503() != null && query.sloP99Wait() != null) {
            return "both SLOs";
        }
        return query.slo503() != null ? "the 503 SLO (<= " + HumanFormat.percent(query.slo503()) + ")"
                : "the p99 wait SLO (<= " + Durations.format(query.sloP99Wait()) + ")";
    }

    /** Which SLOs fail one replica below {@code sloReplicas}, with the numbers on both sides. */
    private static String binding(SizingQuery query, int sloReplicas) {
        QueueingCheck at = Sizer.check(query, sloReplicas);
        QueueingCheck below = Sizer.check(query, sloReplicas - 1);
        List<String> parts = new ArrayList<>();
        if (!Sizer.meets503(query, sloReplicas - 1)) {
            parts.add("the 503 SLO (<= " + HumanFormat.percent(query.slo503()) + ") binds: " + sloReplicas
                    + " replicas reject " + HumanFormat.percent(at.rejectionFraction()) + ", " + (sloReplicas - 1)
                    + " would reject " + HumanFormat.percent(below.rejectionFraction()));
        }
        if (!Sizer.meetsP99(query, sloReplicas - 1)) {
            parts.add("the p99 wait SLO (<= " + Durations.format(query.sloP99Wait()) + ") binds: " + sloReplicas
                    + " replicas wait " + wait(at.p99Wait()) + " at p99, " + (sloReplicas - 1) + " would "
                    + (below.p99Wait() == null ? "be unstable" : "wait " + wait(below.p99Wait())));
        }
        if (parts.isEmpty()) {
            parts.add("fewer than " + sloReplicas + " replicas cannot carry the load within " + sloNames(query));
        }
        return String.join("; ", parts);
    }

    private static String shortfall(SizingQuery query, int replicas) {
        QueueingCheck at = Sizer.check(query, replicas);
        List<String> parts = new ArrayList<>();
        if (query.slo503() != null) {
            parts.add(HumanFormat.percent(at.rejectionFraction()) + " rejected");
        }
        if (query.sloP99Wait() != null) {
            parts.add(at.p99Wait() == null ? "unstable queue" : "p99 wait " + wait(at.p99Wait()));
        }
        return String.join(", ", parts);
    }

    private static String wait(Duration d) {
        return HumanFormat.seconds(Durations.seconds(d));
    }
}
