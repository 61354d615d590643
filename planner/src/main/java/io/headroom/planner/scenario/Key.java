package io.headroom.planner.scenario;

/**
 * One key of a scenario map: its name, the {@link ValueKind} of its value, whether the map must
 * have it, and a one-line description an editor shows.
 */
record Key(String name, ValueKind kind, boolean required, String description) {
    Key {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario key needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("scenario key '" + name + "' has no declared kind (give it a ValueKind:"
                    + " the loader and scenarios/headroom.schema.json are both made from it)");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("scenario key '" + name + "' needs a one-line description");
        }
    }

    /** A key the map must have. */
    static Key required(String name, ValueKind kind, String description) {
        return new Key(name, kind, true, description);
    }

    /** A key the map may leave out (its binder applies the default). */
    static Key optional(String name, ValueKind kind, String description) {
        return new Key(name, kind, false, description);
    }
}
