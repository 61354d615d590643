package io.headroom.cli;

/** How a command prints its result: a table for people, JSON for tools. */
enum OutputFormat {
    table,
    json
}
