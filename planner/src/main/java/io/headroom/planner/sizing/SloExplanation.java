package io.headroom.planner.sizing;

import io.headroom.planner.time.Durations;
import java.util.ArrayList;
import java.util.List;

/** The one-line explanation of a sizing: where the count comes from and which SLO binds. */
final class SloExplanation {
    private SloExplanation() {
    }

    static String explain(SizingQuery query, int replicas, Integer sloReplicas) {
        String rule = "ceil(" + HumanFormat.plain(query.targetRps()) + " rps x " + Durations.format(query.latency())
                + " / " + HumanFormat.plain(query.targetUtilization()) + " / " + query.concurrency() + ")";
        if (sloReplicas == null) {
            return "the sizing rule gives " + replicas + " replicas, " + rule + "; no SLO was given";
        }
        String slos = sloNames(query);
        if (sloReplicas == 1) {
            return "1 replica already meets " + slos + "; the sizing rule gives " + replicas + ", " + rule;
        }
        String binding = binding(query, sloReplicas);
        String ruleCount = "the sizing rule's " + replicas + " replicas, " + rule + ",";
        if (sloReplicas < replicas) {
            return ruleCount + " already meet " + slos + "; " + sloReplicas + " would suffice, as " + binding
                    + sensitivity(query, sloReplicas);
        }
        if (sloReplicas == replicas) {
            return ruleCount + " meet " + slos + " with none to spare: " + binding;
        }
        return binding + "; " + ruleCount + " fall short (" + shortfall(query, replicas) + ")";
    }

    /**
     * The caveat of a count below the rule's that just meets the SLO: its utilization, what 5 % more
     * traffic than planned does to it, and the count that traffic would need.
     */
    private static String sensitivity(SizingQuery query, int sloReplicas) {
        QueueingCheck at = Sizer.check(query, sloReplicas);
        SizingQuery more = new SizingQuery(query.targetRps() * 1.05, query.latency(), query.targetUtilization(), query.concurrency(),
                query.maxWait(), query.serviceCv(), query.slo503(), query.sloP99Wait(), query.resources(), query.nodePools());
        QueueingCheck busier = Sizer.check(more, sloReplicas);
        List<String> effects = new ArrayList<>();
        if (query.slo503() != null) {
            effects.add("reject " + HumanFormat.percent(busier.rejectionFraction()));
        }
        if (query.sloP99Wait() != null && busier.p99WaitSeconds() != null) {
            effects.add("wait " + HumanFormat.seconds(busier.p99WaitSeconds()) + " at p99");
        }
        return " — but at " + HumanFormat.percent(at.utilization()) + " utilization it has little headroom: with 5% more traffic ("
                + HumanFormat.plain(more.targetRps()) + " rps) " + sloReplicas + " replicas would " + String.join(" and ", effects)
                + ", and " + Sizer.sloReplicas(more) + " would be needed";
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
            double slo = query.slo503();
            parts.add("the 503 SLO (<= " + HumanFormat.percent(slo) + ") binds: " + sloReplicas + " replicas reject "
                    + HumanFormat.percent(at.rejectionFraction()) + ", " + (sloReplicas - 1) + " would reject "
                    + percentApartFrom(below.rejectionFraction(), slo));
        }
        if (!Sizer.meetsP99(query, sloReplicas - 1)) {
            parts.add("the p99 wait SLO (<= " + Durations.format(query.sloP99Wait()) + ") binds: " + sloReplicas
                    + " replicas wait " + HumanFormat.seconds(at.p99WaitSeconds()) + " at p99, " + (sloReplicas - 1) + " would "
                    + "wait " + HumanFormat.seconds(below.p99WaitSeconds()));
        }
        if (parts.isEmpty()) {
            parts.add("fewer than " + sloReplicas + " replicas cannot carry the load within " + sloNames(query));
        }
        return String.join("; ", parts);
    }

    /** {@code fraction} as a percentage with enough digits that it does not print like {@code slo}. */
    private static String percentApartFrom(double fraction, double slo) {
        for (int digits = 3; digits < 8; digits++) {
            String shown = HumanFormat.percent(fraction, digits);
            if (!shown.equals(HumanFormat.percent(slo, digits))) {
                return shown;
            }
        }
        return HumanFormat.percent(fraction, 8);
    }

    private static String shortfall(SizingQuery query, int replicas) {
        QueueingCheck at = Sizer.check(query, replicas);
        List<String> parts = new ArrayList<>();
        if (query.slo503() != null) {
            parts.add(HumanFormat.percent(at.rejectionFraction()) + " rejected");
        }
        if (query.sloP99Wait() != null) {
            parts.add("p99 wait " + HumanFormat.seconds(at.p99WaitSeconds()));
        }
        return String.join(", ", parts);
    }
}
