package io.headroom.planner.timeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level keys of one JSON object file (summary.json, plan.json, loadtest.json), each with
 * where its value starts, so that every check names {@code file:line:column}, the rule and the
 * value: the one reader of headroom's JSON outputs when they come back as input.
 */
public final class JsonFields {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final String what;
    private final Map<String, JsonNode> fields;
    private final Map<String, JsonLocation> where;

    private JsonFields(Path file, String what, Map<String, JsonNode> fields, Map<String, JsonLocation> where) {
        this.file = file;
        this.what = what;
        this.fields = fields;
        this.where = where;
    }

    /**
     * Reads {@code file}, which must be UTF-8 text holding one JSON object ({@code what} names it in
     * messages, e.g. {@code a summary.json}).
     */
    public static JsonFields read(Path file, String what) {
        String text = TextFile.read(file, MAX_BYTES);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Map<String, JsonLocation> where = new LinkedHashMap<>();
        try (JsonParser parser = SummaryJson.MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(what + " must hold one JSON object but was "
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
                throw new InvalidInputException(what + " must hold one JSON object but had more after it (" + file + ":"
                        + at(parser.currentTokenLocation()) + ")");
            }
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? file.toString() : file + ":" + at(e.getLocation());
            throw new InvalidInputException(what + " must be valid JSON but was not: "
                    + Excerpt.of(e.getOriginalMessage().lines().findFirst().orElse("")) + " (" + location + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + Excerpt.of(String.valueOf(e.getMessage())), e);
        }
        return new JsonFields(file, what, fields, where);
    }

    public Path file() {
        return file;
    }

    /** Every key and its value, in file order. */
    public Map<String, JsonNode> all() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The value of {@code key}, which must be there. */
    public JsonNode required(String key) {
        JsonNode value = fields.get(key);
        if (value == null) {
            throw new InvalidInputException(what + " must have the key " + key + " but it was missing (" + file + ":1:1)");
        }
        return value;
    }

    /** The value of {@code key}, or null when absent or JSON null. */
    public JsonNode optional(String key) {
        JsonNode value = fields.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** {@code key} must be the text {@code expected}; {@code meaning} says why, e.g. "an observed run, from loadtest or validate". */
    public void text(String key, String expected, String meaning) {
        JsonNode value = required(key);
        if (!value.isTextual() || !value.asText().equals(expected)) {
            throw error(key, key + " must be '" + expected + "' (" + meaning + ")");
        }
    }

    /** {@code key} must be text; returns it. */
    public String text(String key) {
        JsonNode value = required(key);
        if (!value.isTextual()) {
            throw error(key, key + " must be a string");
        }
        return value.asText();
    }

    /** {@code key} must be a whole number >= 0; returns it. */
    public long count(String key) {
        JsonNode value = required(key);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw error(key, key + " must be a whole number >= 0");
        }
        return value.asLong();
    }

    /** {@code key} must be a whole number in [min, max]; returns it. */
    public long count(String key, long min, long max) {
        long v = count(key);
        if (v < min || v > max) {
            throw error(key, key + " must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** {@code key} must be a fraction in [0, 1]. */
    public double fraction(String key) {
        JsonNode value = required(key);
        if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
            throw error(key, key + " must be a fraction in [0, 1]");
        }
        return value.asDouble();
    }

    /** {@code key}, when present and not null, must be a finite number >= 0; null otherwise. */
    public Double optionalNumber(String key) {
        JsonNode value = optional(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
            throw error(key, key + " must be a number >= 0 or null");
        }
        return value.asDouble();
    }

    /** {@code key}, when present and not null, must be text; null otherwise. */
    public String optionalText(String key) {
        JsonNode value = optional(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(key, key + " must be a string or null");
        }
        return value.asText();
    }

    /** An error at {@code key}'s value: {@code rule but was VALUE (file:line:column)}. */
    public InvalidInputException error(String key, String rule) {
        JsonNode value = fields.get(key);
        String shown = value == null ? "missing" : value.isTextual() ? Excerpt.quoted(value.asText()) : Excerpt.of(value.toString());
        JsonLocation at = where.get(key);
        return new InvalidInputException(rule + " but was " + shown + " (" + file + ":" + (at == null ? "1:1" : at(at)) + ")");
    }

    private static String at(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }
}
