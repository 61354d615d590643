package io.headroom.planner.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed scenario file before binding: maps, lists and scalars that remember where they were
 * written. Jackson's {@code JsonNode} forgets locations, and every scenario error must name
 * {@code file:line:column}, so {@link NodeReader} builds this small tree instead.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {
    /** Where the node starts in its file. */
    Location location();

    /** The node as an error message shows it after "but was". */
    String describe();

    /** A place in a file: 1-based line and column. */
    record Location(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** One {@code key: value} of a map; the key keeps its own location for "unknown key" errors. */
    record Field(String key, Location keyLocation, Node value) {
    }

    /** A map, its fields in file order. */
    record MapNode(Location location, Map<String, Field> fields) implements Node {
        public MapNode {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A list. */
    record ListNode(Location location, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** What a scalar was written as: YAML and JSON tell strings from numbers, booleans and null. */
    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A string, number, boolean or null, with its text as written. */
    record ScalarNode(Location location, Kind kind, String text) implements Node {
        @Override
        public String describe() {
            switch (kind) {
                case STRING: return io.headroom.planner.Excerpt.quoted(text);
                case NULL: return "empty";
                default: return io.headroom.planner.Excerpt.of(text);
            }
        }
    }
}
