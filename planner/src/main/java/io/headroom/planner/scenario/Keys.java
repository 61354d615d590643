package io.headroom.planner.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys of one scenario map, in the order they are documented: {@link Section#of} accepts these
 * names and no other and requires the required ones, and {@link ScenarioSchema} writes them as the
 * map's properties. One declaration per map, next to the binder that reads it.
 */
record Keys(List<Key> keys) {
    Keys {
        keys = List.copyOf(keys);
        Set<String> seen = new HashSet<>();
        for (Key k : keys) {
            if (!seen.add(k.name())) {
                throw new IllegalArgumentException("scenario key '" + k.name() + "' is declared twice in one map");
            }
        }
    }

    static Keys of(Key... keys) {
        return new Keys(List.of(keys));
    }

    /** These keys, then {@code more}'s. */
    Keys plus(Keys more) {
        return new Keys(Stream.concat(keys.stream(), more.keys.stream()).toList());
    }

    List<String> names() {
        return keys.stream().map(Key::name).toList();
    }

    boolean contains(String name) {
        return keys.stream().anyMatch(k -> k.name().equals(name));
    }
}
