package io.headroom.planner.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The discrete-event check of a search screened by the fast engine: the current settings, then the
 * screening's meeting configurations in its rank order until {@value #CONFIRMED} meet under DES on
 * every seed (or {@value #MAX_TRIED} were tried). DES runs each at most until its first seed that
 * misses. A candidate DES rejects gets a margin — its warm replicas (a scheduled floor, else
 * minReplicas) times each of {@link #MARGINS} in turn — since the fast engine's stationary estimate
 * is optimistic right after a step. Only a confirmed configuration can be recommended; the list shown
 * puts the confirmed ones first (ranked by their DES numbers), then the screening's other meeting ones
 * (its estimates, marked as such), then those DES rejected.
 *
 * @param current the current settings under DES
 * @param ranked the alternatives to show, in that order
 * @param tried configurations DES judged besides the current one
 */
record Confirmation(Evaluation current, List<Evaluation> ranked, int tried) {
    static final int CONFIRMED = 2;
    static final int MAX_TRIED = 4;
    static final double[] MARGINS = {1.1, 1.25};
    /** The current settings, and each candidate tried with each margin. */
    static final int MAX_DES_CONFIGURATIONS = 1 + MAX_TRIED * (1 + MARGINS.length);

    static Confirmation of(Evaluator des, Config now, List<Evaluation> screened, Comparator<Evaluation> ranking) {
        Evaluation current = des.evaluate(now);
        List<Evaluation> confirmed = new ArrayList<>();
        List<Evaluation> rejected = new ArrayList<>();
        int tried = 0;
        for (Evaluation s : screened) {
            if (confirmed.size() >= CONFIRMED || tried >= MAX_TRIED) {
                break;
            }
            tried++;
            Evaluation d = des.evaluate(s.config());
            for (int i = 0; i < MARGINS.length && !d.meetsSlo(); i++) {
                rejected.add(d);
                d = des.evaluate(s.config().withMoreWarm(MARGINS[i]));
            }
            (d.meetsSlo() ? confirmed : rejected).add(d);
        }
        List<Evaluation> ranked = new ArrayList<>(confirmed.stream().sorted(ranking).toList());
        screened.stream().skip(tried).forEach(ranked::add);
        ranked.addAll(rejected);
        return new Confirmation(current, ranked, tried);
    }
}
