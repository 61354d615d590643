package io.headroom.planner.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.Field;
import io.headroom.planner.scenario.Node.Kind;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.Location;
import io.headroom.planner.scenario.Node.MapNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file with Jackson's streaming
 * parser into a {@link Node} tree whose every node and key remembers its line and column. Syntax
 * errors and duplicate keys become one-line {@link InvalidInputException}s with the location.
 */
final class NodeReader {
    /** Maps and lists nest at most this deep: a scenario needs five levels; hundreds are an attack on the parser. */
    static final int MAX_DEPTH = 32;
    /** The largest scenario file read. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final java.util.regex.Pattern YAML_NAN_OR_INF = java.util.regex.Pattern.compile("[-+]?\\.(nan|NaN|NAN|inf|Inf|INF)");
    private final JsonParser parser;
    private final String file;

    private NodeReader(JsonParser parser, String file) {
        this.parser = parser;
        this.file = file;
    }

    /** The file's single document; {@code what} names the file in messages, e.g. "scenario file". */
    static Node read(Path path, String what) {
        String file = path.toString();
        JsonFactory factory = factoryFor(path, what);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidInputException("cannot read " + what + " " + file + ": "
                    + (Files.exists(path) ? "not a readable file" : "no such file"));
        }
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new InvalidInputException(what + " must be at most " + MAX_BYTES / 1024 / 1024 + " MB but was "
                        + Files.size(path) / 1024 / 1024 + " MB (" + file + ")");
            }
            text = io.headroom.planner.TextFile.decode(Files.readAllBytes(path), file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + what + " " + file + ": " + oneLine(e.getMessage()), e);
        }
        try (JsonParser parser = factory.createParser(text)) {
            NodeReader reader = new NodeReader(parser, file);
            if (parser.nextToken() == null) {
                throw new InvalidInputException(what + " must hold a map of keys but was empty (" + file + ":1:1)");
            }
            Node root = reader.readValue(0);
            if (parser.nextToken() != null) {
                throw new InvalidInputException(what + " must hold one document but had another ("
                        + reader.here() + ")");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InvalidInputException(syntaxName(path) + " syntax must be valid but was not: " + problem(e)
                    + " (" + where + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + what + " " + file + ": " + oneLine(e.getMessage()), e);
        }
    }

    private static JsonFactory factoryFor(Path path, String what) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new YAMLFactory();
        }
        if (name.endsWith(".json")) {
            return new JsonFactory();
        }
        throw new InvalidInputException(what + " name must end in .yaml, .yml or .json but was '" + path + "'");
    }

    /** SnakeYAML puts the useful part ("expected ',' or '}'") after a context line; show both, on one line. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            return io.headroom.planner.Excerpt.of((y.getContext() == null ? "" : y.getContext() + ": ") + oneLine(y.getProblem()),
                    PROBLEM_CHARS);
        }
        return io.headroom.planner.Excerpt.of(oneLine(e.getOriginalMessage()), PROBLEM_CHARS);
    }

    /** A parser's message quotes the text it choked on: at most this much of it is shown. */
    private static final int PROBLEM_CHARS = 160;

    private static String syntaxName(Path path) {
        return path.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
    }

    /** Collapses a parser's multi-line message (snippets, carets) to its first meaningful line. */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                return trimmed;
            }
        }
        return "unknown problem";
    }

    private Location here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }

    /** Reads the value whose first token is the current one, {@code depth} maps or lists deep. */
    private Node readValue(int depth) throws IOException {
        Location at = here();
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new InvalidInputException("maps and lists must nest at most " + MAX_DEPTH + " levels deep but was "
                    + (depth + 1) + " levels deep here (" + at + ")");
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new InvalidInputException("a value must be written out, not a YAML alias (aliases and merge keys are not read) but was *"
                    + io.headroom.planner.Excerpt.of(parser.getText()) + " (" + at + ")");
        }
        switch (token) {
            case START_OBJECT:
                return readMap(at, depth + 1);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(depth + 1));
                }
                return new ListNode(at, items);
            case VALUE_STRING:
                return new ScalarNode(at, Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
                return new ScalarNode(at, Kind.INTEGER, parser.getBigIntegerValue().toString());
            case VALUE_NUMBER_FLOAT:
                // YAML's .nan and .inf are numbers SnakeYAML reads but Jackson cannot convert: keep them as written,
                // and let the binder say a finite number is needed.
                return new ScalarNode(at, Kind.DECIMAL, YAML_NAN_OR_INF.matcher(parser.getText()).matches() ? parser.getText()
                        : Double.toString(parser.getDoubleValue()));
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(at, Kind.BOOLEAN, parser.getText());
            case VALUE_NULL:
                return new ScalarNode(at, Kind.NULL, "null");
            default:
                throw new InvalidInputException("a value must be a map, list, string, number or boolean but was "
                        + token.asString() + " (" + at + ")");
        }
    }

    private MapNode readMap(Location at, int depth) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = here();
            parser.nextToken();
            Field previous = fields.get(key);
            if (previous != null) {
                Location first = previous.keyLocation();
                throw new InvalidInputException("keys must be unique in a map but '" + io.headroom.planner.Excerpt.of(key)
                        + "' was repeated (first at line " + first.line() + ":" + first.column() + ") (" + keyAt + ")");
            }
            fields.put(key, new Field(key, keyAt, readValue(depth)));
        }
        return new MapNode(at, fields);
    }
}
