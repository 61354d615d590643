package io.headroom.planner.dist;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Draws uniformly from measured samples (a bootstrap of, say, a day of logged service times).
 * {@code source} names where the samples came from, for reports.
 */
public record EmpiricalDistribution(String source, List<Duration> samples) implements DistributionSpec {
    public EmpiricalDistribution {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("an empirical distribution needs at least one sample but " + source + " had none");
        }
        for (Duration d : samples) {
            Distributions.requireNonNegative("sample", d);
        }
    }

    @Override
    public String kind() {
        return "empirical";
    }

    @Override
    public Duration mean() {
        return Duration.ofNanos(Math.round(Arrays.stream(nanos()).average().orElse(0)));
    }

    @Override
    public double cv() {
        long[] n = nanos();
        double mean = Arrays.stream(n).average().orElse(0);
        double var = Arrays.stream(n).mapToDouble(x -> (x - mean) * (x - mean)).sum() / n.length;
        return mean == 0 ? 0 : Math.sqrt(var) / mean;
    }

    private long[] nanos() {
        return samples.stream().mapToLong(Duration::toNanos).toArray();
    }

    @Override
    public DurationSampler sampler() {
        long[] nanos = nanos();
        return random -> nanos[random.nextInt(nanos.length)];
    }
}
