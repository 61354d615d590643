package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.TEXT;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.Distributions;
import io.headroom.planner.dist.EmpiricalDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.dist.GammaDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.scenario.Node.ScalarNode;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a duration distribution ({@code service.serviceTime}, {@code service.startup}): a plain
 * duration is a constant; a map names its {@code distribution} and that distribution's keys:
 *
 * <ul>
 *   <li>{@code constant}: {@code value};</li>
 *   <li>{@code exponential}: {@code mean};</li>
 *   <li>{@code lognormal}, {@code gamma}: {@code mean} and exactly one of {@code cv} (&gt; 0) or
 *       {@code p99} (a duration above the mean);</li>
 *   <li>{@code empirical}: {@code file}, one duration with its unit per line; blank lines and
 *       {@code #} comments are skipped. A relative path resolves against the scenario's directory.</li>
 * </ul>
 */
final class DistributionBinder {
    /** The distributions of {@link Distributions#NAMES}, each with its keys. */
    static final ValueKind.Variants VARIANTS = ValueKind.Variants.of("distribution", "the distribution's family",
            Optional.empty(), Distributions.NAMES, DistributionBinder::keysOf);
    /** What {@link #bind} reads: a plain duration (a constant) or a distribution map. */
    static final ValueKind DURATION_OR_DISTRIBUTION = new ValueKind.AnyOf(List.of(ValueKind.DURATION, VARIANTS));

    private DistributionBinder() {
    }

    static DistributionSpec bind(Node node, String path, ScenarioFolder folder) {
        if (node instanceof ScalarNode) {
            return new ConstantDistribution(Section.duration(node, path));
        }
        Section any = Section.of(node, path, VARIANTS.allKeys());
        Node nameNode = any.required("distribution");
        String name = Section.string(nameNode, path + ".distribution");
        if (!Distributions.NAMES.contains(name)) {
            throw Section.error(path + ".distribution must be one of " + String.join(", ", Distributions.NAMES), nameNode);
        }
        Section s = Section.ofVariant(node, path, VARIANTS, name);
        switch (name) {
            case "constant":
                return new ConstantDistribution(Section.duration(s.required("value"), s.path("value")));
            case "exponential":
                return new ExponentialDistribution(mean(s));
            case "lognormal":
            case "gamma":
                return shaped(s, name);
            case "empirical":
                return empirical(s, folder);
            default:
                throw new IllegalStateException("distribution registered without a binder: " + name);
        }
    }

    private static Keys keysOf(String name) {
        Key mean = required("mean", DURATION, "the mean");
        switch (name) {
            case "constant":
                return Keys.of(required("value", DURATION, "the one value"));
            case "exponential":
                return Keys.of(mean);
            case "lognormal":
            case "gamma":
                return Keys.of(mean, optional("cv", NUMBER, "coefficient of variation, standard deviation / mean (or give p99)"),
                        optional("p99", DURATION, "the 99th percentile, above the mean (or give cv)"));
            case "empirical":
                return Keys.of(required("file", TEXT, "a file of samples, one duration with its unit per line"));
            default:
                throw new IllegalStateException("distribution registered without its keys: " + name);
        }
    }

    private static Duration mean(Section s) {
        Node node = s.required("mean");
        Duration mean = Section.duration(node, s.path("mean"));
        if (mean.isZero()) {
            throw Section.error(s.path("mean") + " must be > 0s", node);
        }
        return mean;
    }

    private static DistributionSpec shaped(Section s, String name) {
        Duration mean = mean(s);
        Optional<Node> cv = s.node("cv");
        Optional<Node> p99 = s.node("p99");
        if (cv.isPresent() == p99.isPresent()) {
            throw Section.error(s.path() + " (" + name + ") needs exactly one of cv or p99",
                    cv.isPresent() ? "both" : "neither", s.location());
        }
        if (cv.isPresent()) {
            double value = s.number("cv", 0, 0, true, Double.POSITIVE_INFINITY);
            return name.equals("gamma") ? new GammaDistribution(mean, value) : new LognormalDistribution(mean, value);
        }
        Duration p99Value = Section.duration(p99.get(), s.path("p99"));
        return Section.build(() -> name.equals("gamma") ? GammaDistribution.fromMeanAndP99(mean, p99Value)
                : LognormalDistribution.fromMeanAndP99(mean, p99Value), s.path("p99"), p99.get().location());
    }

    private static DistributionSpec empirical(Section s, ScenarioFolder folder) {
        Node fileNode = s.required("file");
        SideFile file = SideFile.resolve(folder, fileNode, s.path("file"));
        List<String> lines = file.lines();
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                samples.add(Durations.parse(text));
            } catch (IllegalArgumentException e) {
                String message = e.getMessage().replaceFirst("^a duration", "a sample");
                throw new InvalidInputException(message + " (" + file.at(i, line.indexOf(text)) + ")", e);
            }
        }
        if (samples.isEmpty()) {
            throw Section.error(s.path("file") + " must hold at least one sample (one duration per line)",
                    "a file with none (" + file + ")", fileNode.location());
        }
        return new EmpiricalDistribution(file.toString(), samples);
    }
}
