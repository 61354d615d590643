package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code headroom schema} prints the schema that scenarios/ ships, and nothing else. */
class SchemaCommandTest {
    @Test
    void schemaPrintsTheShippedSchemaFileByteForByte() throws IOException {
        CliRun run = CliRun.of("schema");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals(Files.readString(Path.of("..", "scenarios", "headroom.schema.json")), run.out(),
                "regenerate with: bin/headroom schema > scenarios/headroom.schema.json");
    }
}
