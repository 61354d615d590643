package io.headroom.cli;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --node-pool NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]]}, e.g. {@code gpu:3:6:56:1}: a
 * pool named {@code gpu} of 3 nodes with 6 allocatable cores, 56 GB and 1 GPU each; {@code gpu:3:6:56:1:12:5m}
 * is the same pool with the cluster autoscaler allowed to grow it to 12 nodes that take 5 minutes each
 * to become Ready. An error names the field that is wrong, its rule and its value.
 */
final class NodePoolConverter implements ITypeConverter<NodePool> {
    static final String FORMAT = "NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]]";

    @Override
    public NodePool convert(String value) {
        String[] fields = value.split(":", -1);
        if (fields.length < 5 || fields.length > 7) {
            throw error(value, "expected 5 to 7 fields separated by ':' but found " + fields.length);
        }
        String name = fields[0].trim();
        if (name.isEmpty()) {
            throw error(value, "NAME must not be empty");
        }
        int count = wholeNumber(value, "COUNT", fields[1]);
        double cpu = number(value, "CPU", "cores", fields[2]);
        double memoryGb = number(value, "MEMGB", "GB", fields[3]);
        int gpu = wholeNumber(value, "GPU", fields[4]);
        if (fields.length == 5) {
            return new NodePool(name, count, cpu, memoryGb, gpu);
        }
        int max = wholeNumber(value, "MAX", fields[5]);
        if (max < count) {
            throw error(value, "MAX must be >= COUNT (" + count + ") but was '" + fields[5] + "'");
        }
        Optional<DistributionSpec> provisioning = Optional.empty();
        if (fields.length == 7) {
            try {
                Duration d = Durations.parse(fields[6].trim());
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("must be > 0s");
                }
                provisioning = Optional.of(new ConstantDistribution(d));
            } catch (IllegalArgumentException e) {
                throw error(value, "PROVISIONING must be a duration > 0s with a unit, e.g. 5m, but was '" + fields[6] + "'");
            }
        }
        return new NodePool(name, count, cpu, memoryGb, gpu, count, max, provisioning, 0);
    }

    private static int wholeNumber(String value, String field, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's rule
        }
        throw error(value, field + " must be a whole number >= 0 but was '" + text + "'");
    }

    private static double number(String value, String field, String unit, String text) {
        try {
            double x = Double.parseDouble(text.trim());
            if (x >= 0 && Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's rule
        }
        throw error(value, field + " must be a number >= 0 (" + unit + ") but was '" + text + "'");
    }

    private static TypeConversionException error(String value, String rule) {
        return new TypeConversionException("'" + value + "': " + rule + " (format " + FORMAT + ")");
    }

    /** The first pool name that appears twice in {@code pools}, if any: pools are told apart by name. */
    static java.util.Optional<String> firstRepeatedName(java.util.List<NodePool> pools) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return pools.stream().map(NodePool::name).filter(name -> !seen.add(name)).findFirst()
                .map(io.headroom.planner.Excerpt::of);
    }
}
