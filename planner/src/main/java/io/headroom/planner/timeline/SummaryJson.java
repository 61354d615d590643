package io.headroom.planner.timeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summary.json}: a {@link Summary} as JSON, keys in record order, indented, ending with a newline. */
public final class SummaryJson {
    /** The mapper every headroom JSON output uses: pretty, stable key order. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SummaryJson() {
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static void write(Summary summary, Path file) {
        try {
            Files.writeString(file, toJson(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Summary read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Summary.class);
    }

    /**
     * Reads an observed run's {@code summary.json}, validated like a scenario: it must be UTF-8
     * JSON (a truncated or binary file names {@code file:line:column}), say {@code kind: observed},
     * and hold whole counts >= 0 and fractions in [0, 1], each error naming the key, its value and
     * where it is.
     *
     * @throws InvalidInputException for a file that is not such a summary
     */
    public static Summary readObserved(Path file) {
        String text = TextFile.read(file, MAX_BYTES);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, JsonLocation> where = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("a summary.json must hold one JSON object but was "
                        + (parser.currentToken() == null ? "empty" : Excerpt.quoted(parser.getText())) + " (" + file + ":"
                        + (parser.currentToken() == null ? "1:1" : at(parser.currentTokenLocation())) + ")");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                where.put(key, parser.currentTokenLocation());
                fields.put(key, parser.readValueAsTree());
            }
            if (parser.nextToken() != null) {
                throw new InvalidInputException("a summary.json must hold one JSON object but had more after it (" + file + ":"
                        + at(parser.currentTokenLocation()) + ")");
            }
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? file.toString() : file + ":" + at(e.getLocation());
            throw new InvalidInputException("a summary.json must be valid JSON but was not: "
                    + Excerpt.of(e.getOriginalMessage().lines().findFirst().orElse("")) + " (" + location + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + Excerpt.of(String.valueOf(e.getMessage())), e);
        }
        Checker check = new Checker(file, fields, where);
        check.text("kind", "observed");
        for (String key : List.of("requests", "ok", "rejected503", "timeout504", "error502", "durationSeconds")) {
            check.count(key);
        }
        for (String key : List.of("rejected503Fraction", "timeout504Fraction", "error502Fraction")) {
            check.fraction(key);
        }
        long answered = fields.get("ok").asLong() + fields.get("rejected503").asLong() + fields.get("timeout504").asLong()
                + fields.get("error502").asLong();
        if (answered > fields.get("requests").asLong()) {
            throw check.error("requests", "requests must be >= ok + rejected503 + timeout504 + error502 (" + answered + ")");
        }
        try {
            ObjectNode object = MAPPER.createObjectNode();
            fields.forEach(object::set);
            return MAPPER.treeToValue(object, Summary.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException("a summary.json must match the format simulate and loadtest write but did not: "
                    + Excerpt.of(String.valueOf(message).lines().findFirst().orElse("")) + " (" + file + ":1:1)", e);
        }
    }

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private static String at(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }

    /** Checks the top-level keys of a summary, each error naming the key, its value and where it is. */
    private record Checker(Path file, Map<String, JsonNode> fields, Map<String, JsonLocation> where) {
        JsonNode required(String key) {
            JsonNode value = fields.get(key);
            if (value == null) {
                throw new InvalidInputException("a summary.json must have the key " + key + " but it was missing (" + file + ":1:1)");
            }
            return value;
        }

        void text(String key, String expected) {
            JsonNode value = required(key);
            if (!value.isTextual() || !value.asText().equals(expected)) {
                throw error(key, key + " must be '" + expected + "' (an observed run, from loadtest or validate)");
            }
        }

        void count(String key) {
            JsonNode value = required(key);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                throw error(key, key + " must be a whole number >= 0");
            }
        }

        void fraction(String key) {
            JsonNode value = required(key);
            if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
                throw error(key, key + " must be a fraction in [0, 1]");
            }
        }

        InvalidInputException error(String key, String rule) {
            JsonNode value = fields.get(key);
            String shown = value.isTextual() ? Excerpt.quoted(value.asText()) : Excerpt.of(value.toString());
            return new InvalidInputException(rule + " but was " + shown + " (" + file + ":" + at(where.get(key)) + ")");
        }
    }
}
