package io.headroom.planner.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        JsonFields check = JsonFields.read(file, "a summary.json");
        check.text("kind", "observed", "an observed run, from loadtest or validate");
        return checked(check);
    }

    /**
     * Reads any run's {@code summary.json} (predicted or observed), validated as
     * {@link #readObserved} is except for its kind.
     */
    public static Summary readAny(Path file) {
        JsonFields check = JsonFields.read(file, "a summary.json");
        String kind = check.text("kind");
        if (!kind.equals("observed") && !kind.equals("predicted")) {
            throw check.error("kind", "kind must be 'predicted' (simulate) or 'observed' (loadtest, validate, merge)");
        }
        return checked(check);
    }

    private static Summary checked(JsonFields check) {
        Path file = check.file();
        for (String key : List.of("requests", "ok", "rejected503", "timeout504", "error502", "durationSeconds")) {
            check.count(key);
        }
        for (String key : List.of("rejected503Fraction", "timeout504Fraction", "error502Fraction")) {
            check.fraction(key);
        }
        long answered = check.count("ok") + check.count("rejected503") + check.count("timeout504") + check.count("error502");
        if (answered > check.count("requests")) {
            throw check.error("requests", "requests must be >= ok + rejected503 + timeout504 + error502 (" + answered + ")");
        }
        try {
            ObjectNode object = MAPPER.createObjectNode();
            check.all().forEach(object::set);
            return MAPPER.treeToValue(object, Summary.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException("a summary.json must match the format simulate and loadtest write but did not: "
                    + Excerpt.of(String.valueOf(message).lines().findFirst().orElse("")) + " (" + file + ":1:1)", e);
        }
    }
}
