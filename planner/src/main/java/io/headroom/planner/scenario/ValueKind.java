package io.headroom.planner.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.planner.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a scenario key's value may be. The binders read values with {@link Section}'s typed getters;
 * this is the same kind said once more as data, so {@link ScenarioSchema} can write it as JSON
 * Schema. A kind here is never narrower than what its binder accepts (ranges beyond a fraction's
 * [0, 1] stay in the binder).
 */
sealed interface ValueKind {
    /** This kind as a JSON Schema fragment ({@link ScenarioSchema}). */
    ObjectNode schema();

    /** A string (a name, a path, a body). */
    record Text() implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "string");
        }
    }

    /** A string matching the regular expression {@code regex} whole (ECMA 262 and {@code java.util.regex} alike). */
    record TextMatching(String regex) implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "string").put("pattern", "^(?:" + regex + ")$");
        }
    }

    /** A whole number (YAML {@code 4}, not {@code 4.0}). */
    record WholeNumber() implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "integer");
        }
    }

    /** A finite number. */
    record FiniteNumber() implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "number");
        }
    }

    /** A number in [0, 1]. */
    record Fraction() implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "number").put("minimum", 0).put("maximum", 1);
        }
    }

    /** A duration with its unit, in {@link io.headroom.planner.time.Durations}' grammar ({@code 500ms}, {@code 1h30m}). */
    record DurationText() implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "string").put("pattern", Durations.pattern());
        }
    }

    /** {@code true} or {@code false}. */
    record Flag() implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.node().put("type", "boolean");
        }
    }

    /** One of {@code values}; {@code ignoreCase} when the binder folds case ({@code post} for {@code POST}). */
    record Choice(List<String> values, boolean ignoreCase) implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.choice(this);
        }
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** A map with its own keys. */
    record Nested(Keys keys) implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.object(keys);
        }
    }

    /** A list whose items are each of kind {@code item}. */
    record ListOf(ValueKind item) implements ValueKind {
        @Override
        public ObjectNode schema() {
            ObjectNode o = ScenarioSchema.node().put("type", "array");
            o.set("items", item.schema());
            return o;
        }
    }

    /** A map of names (each matching the regular expression {@code namePattern}) to strings. */
    record TextMap(String namePattern) implements ValueKind {
        @Override
        public ObjectNode schema() {
            ObjectNode o = ScenarioSchema.node().put("type", "object");
            o.set("propertyNames", ScenarioSchema.node().put("pattern", "^" + namePattern + "$"));
            o.set("additionalProperties", ScenarioSchema.node().put("type", "string"));
            return o;
        }
    }

    /** Any one of {@code kinds}, e.g. a duration or a distribution map. */
    record AnyOf(List<ValueKind> kinds) implements ValueKind {
        @Override
        public ObjectNode schema() {
            ObjectNode o = ScenarioSchema.node();
            kinds.forEach(k -> o.withArray("anyOf").add(k.schema()));
            return o;
        }

        public AnyOf {
            kinds = List.copyOf(kinds);
        }
    }

    /**
     * A map whose key {@code selector} names a variant (a policy, a distribution) and whose other
     * keys are that variant's; {@code defaultVariant} is the one meant when the selector is left out
     * (empty: the selector is required). A key of another variant is an error.
     */
    record Variants(String selector, String description, Optional<String> defaultVariant, Map<String, Keys> variants)
            implements ValueKind {
        @Override
        public ObjectNode schema() {
            return ScenarioSchema.variants(this);
        }
        public Variants {
            variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
            if (defaultVariant.isPresent() && !variants.containsKey(defaultVariant.get())) {
                throw new IllegalArgumentException("default " + selector + " " + defaultVariant.get() + " is not a variant");
            }
        }

        /** Variants named {@code names}, in that order, each with the keys {@code keysOf} gives it. */
        static Variants of(String selector, String description, Optional<String> defaultVariant, List<String> names,
                Function<String, Keys> keysOf) {
            Map<String, Keys> variants = new LinkedHashMap<>();
            names.forEach(n -> variants.put(n, keysOf.apply(n)));
            return new Variants(selector, description, defaultVariant, variants);
        }

        /** The selector key: one of the variants' names, required when there is no default. */
        Key selectorKey() {
            return new Key(selector, new Choice(List.copyOf(variants.keySet()), false), defaultVariant.isEmpty(), description);
        }

        /** The keys of variant {@code name}: the selector, then its own. */
        Keys keysOf(String name) {
            Keys own = variants.get(name);
            if (own == null) {
                throw new IllegalArgumentException("no " + selector + " " + name);
            }
            return Keys.of(selectorKey()).plus(own);
        }

        /**
         * Every variant's keys, none required (what a map may hold before its variant is known); a
         * name declared by two variants keeps the first one's kind and description.
         */
        Keys allKeys() {
            List<Key> all = new ArrayList<>();
            all.add(selectorKey());
            for (Keys keys : variants.values()) {
                for (Key k : keys.keys()) {
                    if (all.stream().noneMatch(a -> a.name().equals(k.name()))) {
                        all.add(new Key(k.name(), k.kind(), false, k.description()));
                    }
                }
            }
            return new Keys(all);
        }
    }

    ValueKind TEXT = new Text();
    ValueKind WHOLE_NUMBER = new WholeNumber();
    ValueKind NUMBER = new FiniteNumber();
    ValueKind FRACTION = new Fraction();
    ValueKind DURATION = new DurationText();
    ValueKind FLAG = new Flag();

    /** One of {@code values}, case as written. */
    static ValueKind choice(List<String> values) {
        return new Choice(values, false);
    }

    static ValueKind nested(Key... keys) {
        return new Nested(Keys.of(keys));
    }

    static ValueKind listOf(Key... keys) {
        return new ListOf(new Nested(Keys.of(keys)));
    }
}
