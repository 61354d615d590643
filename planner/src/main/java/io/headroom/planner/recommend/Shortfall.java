package io.headroom.planner.recommend;

import io.headroom.planner.sizing.HumanFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cluster too small for the peak can do, and what it would take: the answer of a
 * recommendation whose search box cannot meet the SLO because the nodes, even at
 * {@value Bounds#CAP_FACTOR}× their count, hold fewer replicas than the peak needs.
 *
 * @param withinNodes the best achievable with the scenario's own node counts: every replica they
 *     hold, warm from the start (more warm replicas never reject more, so no configuration on these
 *     nodes rejects fewer)
 * @param meeting the cheapest configuration that meets the SLO once the grow pool may have as many
 *     nodes as hold the replica cap; empty when even that does not meet (another objective binds)
 */
public record Shortfall(Alternative withinNodes, Optional<Alternative> meeting) {
    public Shortfall {
        Objects.requireNonNull(withinNodes, "withinNodes");
        Objects.requireNonNull(meeting, "meeting");
    }

    /**
     * The shortfall of {@code ceiling} (the most generous configuration in {@code bounds}), or empty
     * when the nodes are not what falls short.
     */
    static Optional<Shortfall> of(Evaluation ceiling, Bounds bounds, Config now, List<Double> targets, Evaluator evaluator,
            java.util.function.Function<Evaluation, Alternative> present) {
        if (ceiling.meetsSlo() || now.nodes() == null || bounds.growPool() == null
                || bounds.capacity(ceiling.config().nodes()) >= bounds.peakNeed(bounds.currentTarget())) {
            return Optional.empty();
        }
        int holds = (int) Math.min(bounds.capacity(now.nodes()), bounds.replicaCap());
        if (holds < 1) {
            return Optional.empty();
        }
        Config full = now.isStatic() ? now.withMin(holds)
                : new Config(holds, holds, now.targetUtilization(), now.nodes(), now.scale(), now.tuning(), now.floors(),
                        now.placeholders(), now.minPools());
        Alternative within = present.apply(evaluator.evaluate(full));
        Bounds lifted = bounds.withNodesForReplicaCap();
        Search search = new Search(evaluator, lifted, now);
        if (!evaluator.evaluate(search.ceiling(targets.get(targets.size() - 1))).meetsSlo()) {
            return Optional.of(new Shortfall(within, Optional.empty()));
        }
        Optional<Alternative> meeting = Parallel.map(targets, search::at).stream().flatMap(List::stream)
                .map(evaluator::evaluate).filter(Evaluation::meetsSlo).sorted(Recommender.ranking(now)).findFirst().map(present);
        return Optional.of(new Shortfall(within, meeting));
    }

    /**
     * The two answers in words, for every output: {@code Best within the given nodes (gpu=8, holding
     * 8 replicas): minReplicas 4 → 8, maxReplicas 80 → 8 — 41.2% 503s in the mean of 5 runs} and
     * {@code The SLO is met with: ... (5 of 5 runs; cost +12.30)}.
     */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        Evaluation w = withinNodes.evaluation();
        out.add("Best within the given nodes (" + nodesText(w.config()) + ", holding " + w.config().maxReplicas() + (w.config().maxReplicas() == 1 ? " replica): " : " replicas): ")
                + withinNodes.changes() + " — " + HumanFormat.percent(w.rejected503Fraction()) + " 503s in the mean of "
                + w.runs() + " runs" + (w.meetsSlo() ? "" : ", missing the SLO"));
        out.add(meeting.map(m -> "The SLO is met with more nodes: " + m.changes() + " (" + m.evaluation().runsMeetingSlo() + " of "
                + m.evaluation().runs() + " runs meet; " + m.deltaText() + ")")
                .orElse("Even nodes for every replica searched do not meet the SLO: another objective binds."));
        return out;
    }

    private static String nodesText(Config c) {
        List<String> parts = new ArrayList<>();
        c.nodes().forEach((pool, n) -> parts.add(pool + "=" + n));
        return String.join(", ", parts);
    }
}
