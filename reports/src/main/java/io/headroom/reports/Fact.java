package io.headroom.reports;

import java.util.Objects;

/** One line of the sizing section, supplied by the caller: e.g. {@code replicas needed} → {@code 12}. */
public record Fact(String label, String value) {
    public Fact {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
