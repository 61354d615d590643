package io.headroom.planner.recommend;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.sim.RunSpread;
import io.headroom.planner.sim.SimulationEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Searches the settings space for the cheapest configuration that meets a scenario's SLOs in every
 * one of several seeded runs (see {@link Search} for the method and {@link Bounds} for the box).
 *
 * <p>azureml and hpa: the targets searched are the current one and those of {@value #TARGETS_TEXT} below it, in
 * slot utilization (for an hpa, the utilization its metric target implies; see {@link Config.TargetScale}) (the seed
 * documentation's first remedy, "lower the target so scaling starts earlier"); at each, the smallest
 * minReplicas (its second remedy, "a warm pool"), then the smallest maxReplicas and node count that
 * keep meeting; for an hpa also its behavior knobs ({@link HpaTuning}); and for 503 windows a step or spike opens, the
 * smallest scheduled floor around them ({@link FloorWindow}), priced against the permanent warm pool. static: the replica
 * count, then nodes. Targets are searched in parallel and each
 * configuration's seeds in parallel; the result depends only on the inputs: every search path is a
 * function of the evaluations, and candidates are ranked by (cost, changes, settings).
 */
public final class Recommender {
    /** The 503 objective used when a scenario sets none: 0.1 % of requests. */
    public static final double DEFAULT_MAX_503_FRACTION = 0.001;
    /** Runs per configuration unless asked otherwise. */
    public static final int DEFAULT_RUNS = 5;
    static final double[] TARGETS = {0.6, 0.5, 0.4};
    static final String TARGETS_TEXT = "0.6, 0.5 and 0.4";
    /** When the current settings already meet the SLO, a change must save this fraction of the cost to be listed. */
    public static final double MIN_SAVING = 0.05;
    private static final int SHOWN = 5;

    private Recommender() {
    }

    /** The recommendation for {@code scenario}, each configuration judged under {@code runs} seeds (the scenario's first). */
    public static Recommendation recommend(Scenario scenario, int runs, Progress progress) {
        return recommend(scenario, runs, SimulationEngine.DES, progress);
    }

    /**
     * The recommendation, the search run on {@code screen}: with {@link SimulationEngine#DES} every configuration is
     * judged by the discrete-event engine; with {@link SimulationEngine#FAST} the search runs on the fast engine and its
     * best meeting configurations are then confirmed by the discrete-event engine ({@link Confirmation}), which alone
     * can make one the recommendation.
     */
    public static Recommendation recommend(Scenario scenario, int runs, SimulationEngine screen, Progress progress) {
        return recommend(scenario, runs, screen, true, progress);
    }

    /**
     * As {@link #recommend(Scenario, int, SimulationEngine, Progress)}; with {@code confirm} false a fast search
     * is not confirmed by the discrete-event engine: the fast engine judges every configuration on all {@code runs}
     * seeds and its verdicts are the answer (for services so large that the confirmation's runs would take hours).
     */
    public static Recommendation recommend(Scenario scenario, int runs, SimulationEngine screen, boolean confirm, Progress progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1 but was " + runs);
        }
        boolean defaulted = scenario.slo().isEmpty();
        Scenario judged = defaulted ? withSlo(scenario, new Slo(OptionalDouble.of(DEFAULT_MAX_503_FRACTION), Optional.empty(),
                Optional.empty(), Optional.empty())) : scenario;
        Config now = Config.of(judged);
        Bounds bounds = Bounds.of(judged, now);
        List<Double> targets = targets(now);
        int expected = expectedConfigurations(targets, bounds);
        AtomicInteger done = new AtomicInteger();
        List<Long> seeds = RunSpread.seeds(judged.seed(), runs);
        Runnable tick = () -> progress.update(Math.min(0.99, done.incrementAndGet() / (double) expected));
        boolean screening = screen != SimulationEngine.DES && confirm;
        SimulationEngine judge = screening ? SimulationEngine.DES : screen;
        Evaluator evaluator = new Evaluator(judged, screening ? seeds.subList(0, Math.min(runs, SCREEN_RUNS)) : seeds, screen,
                screen != SimulationEngine.DES, tick);
        Search search = new Search(evaluator, bounds, now);
        Evaluator des = screening ? new Evaluator(judged, seeds, SimulationEngine.DES, true, tick) : evaluator;
        // a screened search's confirmation judges the current settings by DES whatever the screening finds: those runs
        // start now, beside the screening, on the same pool of runs (Parallel)
        CompletableFuture<Evaluation> currentByDes = screening ? Parallel.beside(() -> des.evaluate(now), "headroom-confirm-current") : null;

        Evaluation current = evaluator.evaluate(now);
        Evaluation ceiling = evaluator.evaluate(search.ceiling(targets.get(targets.size() - 1)));
        Map<Double, Evaluation> alone = new LinkedHashMap<>();
        Set<Config> found = new LinkedHashSet<>();
        if (ceiling.meetsSlo()) {
            List<List<Config>> perTarget = Parallel.map(targets, search::at);
            perTarget.forEach(found::addAll);
            if (now.tuning() != null) {
                tuned(now, found, evaluator).forEach(found::add);
            }
            FloorWindow.candidates(judged, current).stream().map(w -> search.smallestFloor(w.fromSecond(), w.toSecond()))
                    .flatMap(Optional::stream).findFirst().ifPresent(found::add);
            if (!current.meetsSlo()) {
                NodeLagCandidates.of(judged, now, bounds, search).forEach(found::add);
                alone.putAll(targetsAlone(now, targets, evaluator));
            }
        }
        List<Evaluation> screened = found.stream().filter(c -> !c.equals(now)).map(evaluator::evaluate).filter(Evaluation::meetsSlo)
                .filter(e -> !current.meetsSlo() || price(e) <= (1 - MIN_SAVING) * price(current))
                .sorted(ranking(now)).toList();
        Evaluation shownCurrent = current;
        List<Evaluation> meeting = screened;
        if (screening) {
            Parallel.awaited(currentByDes);
            Confirmation confirmed = Confirmation.of(des, now, screened, ranking(now));
            shownCurrent = confirmed.current();
            meeting = confirmed.ranked();
            if (ceiling.meetsSlo() && current.meetsSlo() && !shownCurrent.meetsSlo()) {
                alone.putAll(targetsAlone(now, targets, evaluator));
            }
        }
        Evaluation currentJudged = shownCurrent;
        Reasons reasons = new Reasons(judged, currentJudged, alone, bounds);
        Alternative currentAlt = alternative(currentJudged, currentJudged, reasons);
        List<Alternative> ranked = new ArrayList<>();
        List<Evaluation> shown = meeting;
        shown.stream().filter(e -> shown.stream().noneMatch(o -> o.meetsSlo() && o.engine() == e.engine() && dominates(o, e, now)))
                .limit(SHOWN)
                .forEach(e -> ranked.add(alternative(e, currentJudged, reasons)));
        if (!current.meetsSlo()) {
            alone.values().stream().filter(e -> !e.meetsSlo())
                    .sorted(Comparator.comparingDouble(e -> e.config().targetUtilization())).limit(2)
                    .forEach(e -> ranked.add(alternative(e, currentJudged, reasons)));
        }
        boolean anyMeets = Stream.concat(Stream.of(currentJudged), ranked.stream().map(Alternative::evaluation))
                .anyMatch(e -> e.meetsSlo() && e.engine() == judge);
        Optional<String> impossible = !ceiling.meetsSlo() ? Optional.of(Impossibility.explain(judged, bounds, ceiling))
                : anyMeets ? Optional.empty()
                : screening && !screened.isEmpty()
                ? Optional.of("none of the fast engine's best candidates met the SLO in every run of the discrete-event engine"
                        + " (run recommend with --screen des to search with it alone)")
                : Optional.of("only the most generous configuration (" + ceiling.config().changesFrom(now) + ") meets the SLO in every run");
        Optional<Shortfall> shortfall = Shortfall.of(ceiling, bounds, now, targets, evaluator, e -> alternative(e, currentJudged, reasons));
        int searched = evaluator.simulated() + (des == evaluator ? 0 : des.simulated());
        long requests = judge == SimulationEngine.DES ? des.requestsSimulated() : 0;
        Recommendation partial = new Recommendation(judged.slo(), defaulted, runs, currentAlt, ranked, searched, requests, List.of(),
                impossible, shortfall, screen, judge);
        Optional<Alternative> best = partial.best();
        Optional<Alternative> meetingElsewhere = shortfall.flatMap(Shortfall::meeting);
        Config basis = best.or(() -> meetingElsewhere).map(Alternative::config).orElse(now);
        NPlusOne.Basis label = best.isPresent() ? NPlusOne.Basis.RECOMMENDED
                : meetingElsewhere.isPresent() ? NPlusOne.Basis.MEETING : NPlusOne.Basis.NOW;
        int peak = bounds.peakReplicas(basis);
        progress.update(1);
        return new Recommendation(judged.slo(), defaulted, runs, currentAlt, ranked, searched, requests,
                NPlusOne.of(judged, basis.nodes(), peak, label), impossible, shortfall, screen, judge);
    }

    /**
     * The current settings with each other target alone, for the reasons of a configuration that misses ({@link Reasons}:
     * "a lower target alone does not"): simulated only when the current settings miss, where they are read.
     */
    private static Map<Double, Evaluation> targetsAlone(Config now, List<Double> targets, Evaluator evaluator) {
        Map<Double, Evaluation> alone = new LinkedHashMap<>();
        for (Double t : targets) {
            if (!java.util.Objects.equals(t, now.targetUtilization())) {
                alone.put(t, evaluator.evaluate(now.withTarget(t)));
            }
        }
        return alone;
    }

    /**
     * An hpa's behavior knobs ({@link HpaTuning#variants}: a shorter scale-down window, a faster
     * scale-up), each tried alone on the current settings and on the cheapest configuration found
     * that meets the SLOs.
     */
    private static List<Config> tuned(Config now, Set<Config> found, Evaluator evaluator) {
        List<Config> bases = new ArrayList<>();
        bases.add(now);
        found.stream().map(evaluator::evaluate).filter(Evaluation::meetsSlo).sorted(ranking(now)).findFirst()
                .map(Evaluation::config).filter(c -> !c.equals(now)).ifPresent(bases::add);
        List<Config> out = new ArrayList<>();
        for (Config base : bases) {
            base.tuning().variants().forEach(t -> out.add(base.withTuning(t)));
        }
        return out;
    }

    /**
     * Seeds a fast screening judges each configuration under (the first of the usual ones): the fast engine's only
     * randomness is the noise its policy sees and the startups, so more seeds change little — the discrete-event
     * confirmation runs all of them.
     */
    public static final int SCREEN_RUNS = 2;

    /**
     * The configurations the discrete-event engine judges after a fast screening when its first candidates hold (the
     * current one and {@value Confirmation#CONFIRMED} confirmed), for the work estimate; margins and rejected candidates
     * can take it up to {@code Confirmation.MAX_DES_CONFIGURATIONS}, each cut short at its first missing seed.
     */
    public static final int TYPICAL_CONFIRMATIONS = 1 + Confirmation.CONFIRMED;

    /** Requests per run from which {@link #screenFor} screens with the fast engine (about a second of DES each). */
    public static final double FAST_SCREEN_REQUESTS = 5e6;

    /**
     * The engine to search {@code scenario} on when the user leaves it to us: the fast engine when a run has at least
     * {@value #FAST_SCREEN_REQUESTS} expected requests (large services, where its stationary approximation is good and
     * DES is slow; every data path, Knative's activator included); DES otherwise.
     */
    public static SimulationEngine screenFor(Scenario scenario) {
        return scenario.traffic().expectedRequests() >= FAST_SCREEN_REQUESTS ? SimulationEngine.FAST : SimulationEngine.DES;
    }

    /**
     * About how many configurations a recommendation for {@code scenario} simulates (each under
     * every run): two probes, then per target a few fixed ones, a bisection over the replica range
     * and the cap's gallop back towards the current one ({@link Search}). For the work estimate made
     * before a search starts, and the progress bar.
     */
    public static int estimatedConfigurations(Scenario scenario) {
        Scenario judged = scenario.slo().isEmpty() ? withSlo(scenario, new Slo(OptionalDouble.of(DEFAULT_MAX_503_FRACTION),
                Optional.empty(), Optional.empty(), Optional.empty())) : scenario;
        Config now = Config.of(judged);
        return expectedConfigurations(targets(now), Bounds.of(judged, now));
    }

    private static int expectedConfigurations(List<Double> targets, Bounds bounds) {
        return 2 + targets.size() * (10 + (int) Math.ceil(Math.log(bounds.replicaCap() + 1) / Math.log(2)));
    }

    /** Static: none (null, the replica count is searched); otherwise the current target, then each lower listed one. */
    static List<Double> targets(Config now) {
        List<Double> out = new ArrayList<>();
        if (now.isStatic()) {
            out.add(null);
            return out;
        }
        TreeSet<Double> set = new TreeSet<>(Comparator.reverseOrder());
        set.add(now.targetUtilization());
        for (double t : TARGETS) {
            if (t < now.targetUtilization()) {
                set.add(t);
            }
        }
        out.addAll(set);
        return out;
    }

    /** Cheapest first (cost, else replica-hours), then fewer changes, then higher target, fewer min, max and nodes. */
    static Comparator<Evaluation> ranking(Config now) {
        return Comparator.<Evaluation>comparingDouble(Recommender::price)
                .thenComparingInt(e -> e.config().changeCount(now))
                .thenComparing(e -> e.config().targetUtilization() == null ? 0 : -e.config().targetUtilization())
                .thenComparingInt(e -> e.config().minReplicas())
                .thenComparingInt(e -> e.config().maxReplicas())
                .thenComparing(e -> e.config().nodes() == null ? "" : e.config().nodes().toString());
    }

    private static double price(Evaluation e) {
        return e.cost() != null ? e.cost() : e.replicaHours();
    }

    /** {@code a} changes a subset of the settings {@code b} changes, at no higher price, and is not {@code b}. */
    static boolean dominates(Evaluation a, Evaluation b, Config now) {
        return a != b && price(a) <= price(b) && b.config().changedSettings(now).containsAll(a.config().changedSettings(now));
    }

    private static Alternative alternative(Evaluation e, Evaluation current, Reasons reasons) {
        Double costDelta = e.cost() == null ? null : e.cost() - current.cost();
        return new Alternative(e, e.config().changesFrom(current.config()), reasons.of(e), e.replicaHours() - current.replicaHours(),
                costDelta);
    }

    private static Scenario withSlo(Scenario s, Slo slo) {
        return s.withSlo(slo);
    }
}
