package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.Field;
import io.headroom.planner.scenario.Node.Kind;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.Location;
import io.headroom.planner.scenario.Node.MapNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import io.headroom.planner.time.Durations;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One map of a scenario file seen by the binder: its keys checked against the known ones, typed
 * getters that apply defaults, and located errors of the form
 * {@code <rule> but was <value> (<file>:<line>:<column>)}. {@code path} is the map's dotted name
 * ({@code service.resources}), empty for the top level.
 */
final class Section {
    private final MapNode map;
    private final String path;

    private Section(MapNode map, String path) {
        this.map = map;
        this.path = path;
    }

    /** {@code node} as a map whose keys are all in {@code known}, and that has the ones it requires. */
    static Section of(Node node, String path, Keys known) {
        MapNode map = asMap(node, path);
        for (Field f : map.fields().values()) {
            if (!known.contains(f.key())) {
                throw new InvalidInputException("unknown key " + io.headroom.planner.Excerpt.quoted(f.key()) + (path.isEmpty() ? "" : " in " + path)
                        + " (known: " + String.join(", ", known.names()) + ") (" + f.keyLocation() + ")");
            }
        }
        Section section = new Section(map, path);
        known.keys().stream().filter(Key::required).forEach(k -> section.required(k.name()));
        return section;
    }

    /**
     * {@code node} as the map of variant {@code variant} of {@code variants} (a policy, a
     * distribution): a key of another variant says which variant uses it.
     */
    static Section ofVariant(Node node, String path, ValueKind.Variants variants, String variant) {
        MapNode map = asMap(node, path);
        Keys keys = variants.keysOf(variant);
        Keys allKeys = variants.allKeys();
        for (Field f : map.fields().values()) {
            if (!keys.contains(f.key()) && allKeys.contains(f.key())) {
                throw new InvalidInputException("key '" + f.key() + "' in " + path + " is not used by " + variants.selector() + " "
                        + variant + " (its keys: " + String.join(", ", keys.names()) + ") (" + f.keyLocation() + ")");
            }
        }
        return of(node, path, keys);
    }

    static MapNode asMap(Node node, String path) {
        if (node instanceof MapNode m) {
            return m;
        }
        throw error(name(path, "a scenario file") + " must be a map of keys", node);
    }

    static ListNode asList(Node node, String path) {
        if (node instanceof ListNode l) {
            return l;
        }
        throw error(path + " must be a list", node);
    }

    /** The located error {@code <rule> but was <node> (<where>)}. */
    static InvalidInputException error(String rule, Node node) {
        return error(rule, node.describe(), node.location());
    }

    static InvalidInputException error(String rule, String value, Location at) {
        return new InvalidInputException(rule + " but was " + value + " (" + at + ")");
    }

    /** Calls a record constructor, turning its {@link IllegalArgumentException} into a located error. */
    static <T> T build(Supplier<T> constructor, String path, Location at) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new InvalidInputException((path.isEmpty() || message.startsWith(path) ? "" : path + ": ")
                    + message + " (" + at + ")", e);
        }
    }

    private static String name(String path, String whenEmpty) {
        return path.isEmpty() ? whenEmpty : path;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Location location() {
        return map.location();
    }

    boolean has(String key) {
        return map.fields().containsKey(key);
    }

    Optional<Node> node(String key) {
        Field f = map.fields().get(key);
        return f == null ? Optional.empty() : Optional.of(f.value());
    }

    Optional<Field> field(String key) {
        return Optional.ofNullable(map.fields().get(key));
    }

    Node required(String key) {
        return node(key).orElseThrow(() -> error(path(key) + " is required", "missing", map.location()));
    }

    Optional<Section> section(String key, Keys known) {
        return node(key).map(n -> of(n, path(key), known));
    }

    String requiredString(String key) {
        return string(required(key), path(key));
    }

    static String string(Node node, String path) {
        if (node instanceof ScalarNode s && s.kind() == Kind.STRING) {
            return s.text();
        }
        throw error(path + " must be a string", node);
    }

    static long integer(Node node, String path) {
        if (node instanceof ScalarNode s && s.kind() == Kind.INTEGER) {
            BigInteger value = new BigInteger(s.text());
            if (value.bitLength() < 64) {
                return value.longValue();
            }
        }
        throw error(path + " must be a whole number", node);
    }

    int intAtLeast(String key, int defaultValue, int min) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return defaultValue;
        }
        long value = integer(node.get(), path(key));
        if (value < min || value > Integer.MAX_VALUE) {
            throw error(path(key) + " must be >= " + min + (value > Integer.MAX_VALUE ? " and <= " + Integer.MAX_VALUE : ""),
                    node.get());
        }
        return (int) value;
    }

    static double number(Node node, String path) {
        if (node instanceof ScalarNode s && (s.kind() == Kind.INTEGER || s.kind() == Kind.DECIMAL)) {
            try {
                double value = Double.parseDouble(s.text());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // YAML's .nan and .inf, kept as written: not a finite number
            }
        }
        throw error(path + " must be a finite number", node);
    }

    /** An optional number in [{@code min}, {@code max}], either end open when {@code open...}. */
    double number(String key, double defaultValue, double min, boolean openMin, double max) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return defaultValue;
        }
        double value = number(node.get(), path(key));
        boolean ok = (openMin ? value > min : value >= min) && value <= max;
        if (!ok) {
            String rule = Double.isInfinite(max) ? (openMin ? " must be > " : " must be >= ") + plain(min)
                    : " must be in " + (openMin ? "(" : "[") + plain(min) + ", " + plain(max) + "]";
            throw error(path(key) + rule, node.get());
        }
        return value;
    }

    double fraction(String key, double defaultValue) {
        return number(key, defaultValue, 0, false, 1);
    }

    double nonNegative(String key, double defaultValue) {
        return number(key, defaultValue, 0, false, Double.POSITIVE_INFINITY);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A duration: a string with a unit ({@link Durations#parse}); a bare number is an error. */
    static Duration duration(Node node, String path) {
        if (node instanceof ScalarNode s && s.kind() != Kind.BOOLEAN && s.kind() != Kind.NULL) {
            try {
                return Durations.parse(s.text());
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                String rule = message.startsWith("a duration ") ? path + message.substring("a duration".length())
                        : path + ": " + message;
                throw new InvalidInputException(rule + " (" + node.location() + ")", e);
            }
        }
        throw error(path + " must be a duration with a unit, e.g. '10s'", node);
    }

    Duration duration(String key, Duration defaultValue) {
        return node(key).map(n -> duration(n, path(key))).orElse(defaultValue);
    }

    Duration positiveDuration(String key, Duration defaultValue) {
        Optional<Node> node = node(key);
        Duration value = duration(key, defaultValue);
        if (node.isPresent() && (value.isZero() || value.isNegative())) {
            throw error(path(key) + " must be > 0s", node.get());
        }
        return value;
    }
}
