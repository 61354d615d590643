package io.headroom.planner.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.Field;
import io.headroom.planner.scenario.Node.Kind;
import io.headroom.planner.scenario.Node.ListNode;
import io.headroom.planner.scenario.Node.Location;
import io.headroom.planner.scenario.Node.MapNode;
import io.headroom.planner.scenario.Node.ScalarNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                JsonParser parser = factory.createParser(in)) {
            NodeReader reader = new NodeReader(parser, file);
            if (parser.nextToken() == null) {
                throw new InvalidInputException(what + " must hold a map of keys but was empty (" + file + ":1:1)");
            }
            Node root = reader.readValue();
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
            return (y.getContext() == null ? "" : y.getContext() + ": ") + oneLine(y.getProblem());
        }
        return oneLine(e.getOriginalMessage());
    }

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

    /** Reads the value whose first token is the current one. */
    private Node readValue() throws IOException {
        Location at = here();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMap(at);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue());
                }
                return new ListNode(at, items);
            case VALUE_STRING:
                return new ScalarNode(at, Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
                return new ScalarNode(at, Kind.INTEGER, parser.getBigIntegerValue().toString());
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(at, Kind.DECIMAL, Double.toString(parser.getDoubleValue()));
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

    private MapNode readMap(Location at) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = here();
            parser.nextToken();
            Field previous = fields.get(key);
            if (previous != null) {
                Location first = previous.keyLocation();
                throw new InvalidInputException("keys must be unique in a map but '" + key + "' was repeated (first at line "
                        + first.line() + ":" + first.column() + ") (" + keyAt + ")");
            }
            fields.put(key, new Field(key, keyAt, readValue()));
        }
        return new MapNode(at, fields);
    }
}
