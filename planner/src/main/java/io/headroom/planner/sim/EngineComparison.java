package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The fast engine's accuracy on one scenario, judged against the discrete-event engine as the mean
 * of several seeds (the scenario's seed and seeds derived from it, {@link RunSpread#seeds}):
 *
 * <ul>
 *   <li><b>503 fraction</b> within 15 % relative of the DES mean, or 0.1 percentage point, whichever
 *       is larger;</li>
 *   <li><b>windows</b>: a DES window is a run of seconds that more than half of the seeds have inside
 *       one of their windows ({@link #commonOnsets}); every such window must be matched by a fast
 *       window whose onset is within 2 s of its onset;</li>
 *   <li><b>replica-hours</b> within 5 % of the DES mean.</li>
 * </ul>
 * The fast engine runs once, on the scenario's seed, as a user runs it (its randomness: replica
 * startups and the fluctuation its policy sees). For context, {@code des503Spread} and
 * {@code desReplicaHoursSpread} are how far the farthest single DES seed lies from the DES mean (503
 * fraction in absolute terms, replica-hours relative): a tolerance tighter than that is one a single
 * DES run would miss too.
 */
public record EngineComparison(String scenario, int desRuns, double des503Fraction, double fast503Fraction,
        List<Integer> desOnsets, List<Integer> fastOnsetErrors, int windowsFound, double desReplicaHours,
        double fastReplicaHours, double des503Spread, double desReplicaHoursSpread, double desSeconds, double fastSeconds) {
    public static final double RELATIVE_503_TOLERANCE = 0.15;
    public static final double ABSOLUTE_503_TOLERANCE = 0.001;
    public static final int ONSET_TOLERANCE_SECONDS = 2;
    public static final double REPLICA_HOURS_TOLERANCE = 0.05;

    public EngineComparison {
        desOnsets = List.copyOf(desOnsets);
        fastOnsetErrors = List.copyOf(fastOnsetErrors);
    }

    /** Runs {@code scenario} on DES with {@code desRuns} seeds (in parallel) and once on the fast engine. */
    public static EngineComparison of(Scenario scenario, int desRuns) {
        List<Long> seeds = RunSpread.seeds(scenario.seed(), desRuns);
        Summary[] des = new Summary[desRuns];
        long desStart = System.nanoTime();
        IntStream.range(0, desRuns).parallel()
                .forEach(i -> des[i] = Simulator.run(scenario.withSeed(seeds.get(i)), SimulationEngine.DES).summary());
        long desNanos = System.nanoTime() - desStart;
        long fastStart = System.nanoTime();
        Summary fast = Simulator.run(scenario, SimulationEngine.FAST).summary();
        long fastNanos = System.nanoTime() - fastStart;
        double des503 = 0;
        double desHours = 0;
        for (Summary s : des) {
            des503 += s.rejected503Fraction() / desRuns;
            desHours += s.replicaHours() / desRuns;
        }
        double spread503 = 0;
        double spreadHours = 0;
        for (Summary s : des) {
            spread503 = Math.max(spread503, Math.abs(s.rejected503Fraction() - des503));
            spreadHours = Math.max(spreadHours, Math.abs(s.replicaHours() - desHours) / desHours);
        }
        List<Integer> onsets = commonOnsets(des);
        List<Integer> errors = new ArrayList<>();
        int found = 0;
        for (int onset : onsets) {
            int best = Integer.MAX_VALUE;
            for (Window w : fast.windows()) {
                if (Math.abs(w.startSecond() - onset) < Math.abs(best)) {
                    best = w.startSecond() - onset;
                }
            }
            errors.add(best);
            if (Math.abs(best) <= ONSET_TOLERANCE_SECONDS) {
                found++;
            }
        }
        return new EngineComparison(scenario.name(), desRuns, des503, fast.rejected503Fraction(), onsets, errors, found, desHours,
                fast.replicaHours(), spread503, spreadHours, desNanos / 1e9 / desRuns, fastNanos / 1e9);
    }

    /**
     * Onsets of the windows the seeds agree on: a second belongs to the consensus when more than half
     * of the runs have it inside one of their windows; consensus seconds separated by at most
     * {@link Windows#DEFAULT_MERGE_GAP_SECONDS} merge, as in a window. A lone 503 that one seed shows
     * and the others do not is noise, not a window to find.
     */
    static List<Integer> commonOnsets(Summary[] runs) {
        int seconds = 0;
        for (Summary s : runs) {
            seconds = Math.max(seconds, s.durationSeconds());
        }
        int[] votes = new int[seconds + 1];
        for (Summary s : runs) {
            for (Window w : s.windows()) {
                for (int t = w.startSecond(); t < Math.min(w.endSecond(), seconds); t++) {
                    votes[t]++;
                }
            }
        }
        List<Integer> onsets = new ArrayList<>();
        int last = Integer.MIN_VALUE / 2;
        for (int t = 0; t < seconds; t++) {
            if (2 * votes[t] > runs.length) {
                if (t - last > Windows.DEFAULT_MERGE_GAP_SECONDS + 1) {
                    onsets.add(t);
                }
                last = t;
            }
        }
        return onsets;
    }

    public boolean meets503() {
        return Math.abs(fast503Fraction - des503Fraction) <= Math.max(RELATIVE_503_TOLERANCE * des503Fraction, ABSOLUTE_503_TOLERANCE);
    }

    public boolean meetsWindows() {
        return windowsFound == desOnsets.size();
    }

    public boolean meetsReplicaHours() {
        return Math.abs(fastReplicaHours - desReplicaHours) <= REPLICA_HOURS_TOLERANCE * desReplicaHours;
    }

    public boolean meetsAll() {
        return meets503() && meetsWindows() && meetsReplicaHours();
    }
}
