package io.headroom.planner.calibrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fits the replica startup distribution (scale decision → ready) from a series of desired and
 * ready replica counts sampled every grain (a step test's {@code timeline.csv}, a kube-state-metrics
 * export): the counts-only estimator B of note §1.4, generalised to decisions spread over time.
 * Each rise of {@code desired} between samples t' − g and t' requests that many replicas; each rise
 * of {@code ready} between t − g and t readies the oldest requested ones (first in, first out; for
 * i.i.d. startups requested together the order does not change the set of durations). A replica
 * requested in (t' − g, t'] and ready in (t − g, t] started up in (t − g − t', t − t' + g), an
 * interval-censored observation; one still starting at the end is right-censored. A fall of
 * {@code desired} cancels the youngest pending requests first (Kubernetes removes not-ready pods
 * first). The families are fitted by the same grouped likelihood as service times, and the lowest
 * AIC wins.
 */
public final class StartupFit {
    /** Fewer replica startups than this cannot be fitted. */
    public static final int MIN_STARTUPS = 3;

    private StartupFit() {
    }

    /** One sample of the series: seconds since the start, and the counts. */
    public record Sample(double seconds, int desired, int ready) {
    }

    /**
     * The answer.
     *
     * @param startups the replica startups observed (ready within the series)
     * @param stillStarting those right-censored at the end
     * @param grainSeconds the series' sample spacing
     * @param fits every family's fit, lowest AIC first
     */
    public record Result(int startups, int stillStarting, double grainSeconds, List<GroupedFit.Result> fits) {
        public Result {
            fits = List.copyOf(fits);
        }

        public GroupedFit.Result best() {
            return fits.get(0);
        }
    }

    /** The censored startup intervals, in seconds, of {@code series} (evenly spaced, in time order). */
    static Intervals intervals(List<Sample> series, double[] stillStarting) {
        Deque<double[]> pending = new ArrayDeque<>();
        Map<List<Double>, Long> grouped = new LinkedHashMap<>();
        for (int k = 1; k < series.size(); k++) {
            Sample before = series.get(k - 1);
            Sample now = series.get(k);
            int rise = now.desired() - before.desired();
            for (int i = 0; i < rise; i++) {
                pending.addLast(new double[] {before.seconds(), now.seconds()});
            }
            for (int i = 0; i < -rise && !pending.isEmpty(); i++) {
                pending.removeLast();
            }
            int ready = now.ready() - before.ready();
            for (int i = 0; i < ready && !pending.isEmpty(); i++) {
                double[] decided = pending.removeFirst();
                double lower = Math.max(0, before.seconds() - decided[1]);
                double upper = now.seconds() - decided[0];
                grouped.merge(List.of(lower, upper), 1L, Long::sum);
            }
        }
        double end = series.get(series.size() - 1).seconds();
        stillStarting[0] = pending.size();
        for (double[] decided : pending) {
            grouped.merge(List.of(Math.max(0, end - decided[1]), Double.POSITIVE_INFINITY), 1L, Long::sum);
        }
        List<Map.Entry<List<Double>, Long>> rows = new ArrayList<>(grouped.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<List<Double>, Long> e) -> e.getKey().get(0)).thenComparing(e -> e.getKey()
                .get(1)));
        double[] lower = new double[rows.size()];
        double[] upper = new double[rows.size()];
        long[] counts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            lower[i] = rows.get(i).getKey().get(0);
            upper[i] = rows.get(i).getKey().get(1);
            counts[i] = rows.get(i).getValue();
        }
        return new Intervals(lower, upper, counts);
    }

    /** Fits {@code series}; empty when it holds fewer than {@link #MIN_STARTUPS} completed startups. */
    public static Optional<Result> fit(List<Sample> series) {
        if (series.size() < 2) {
            return Optional.empty();
        }
        double[] still = new double[1];
        Intervals data = intervals(series, still);
        long completed = data.total() - (long) still[0];
        if (completed < MIN_STARTUPS) {
            return Optional.empty();
        }
        List<GroupedFit.Result> fits = new ArrayList<>();
        for (Family family : Family.values()) {
            fits.add(GroupedFit.fit(data, family));
        }
        fits.sort(Comparator.comparingDouble(GroupedFit.Result::aic));
        return Optional.of(new Result((int) completed, (int) still[0], series.get(1).seconds() - series.get(0).seconds(), fits));
    }
}
