package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom autoscaler replay}: the README's example, its formats and its errors. */
class AutoscalerReplayCommandTest {
    private static final String SCENARIO = "../scenarios/hpa-cpu-launch.yaml";
    private static final String SYNCS = "../scenarios/traces/hpa-cpu-syncs.csv";

    @TempDir
    Path dir;

    @Test
    void theShippedSyncsReplayAsCsv() {
        CliRun run = CliRun.of("autoscaler", "replay", SCENARIO, "--observations", SYNCS, "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals("time,desired,proposed,stabilized,limit", lines[0]);
        // 52 % of a 60 % target on 10 pods asks for 9, held at 10 by the 5 min scale-down stabilization.
        assertEquals("585,10,9,10,DesiredWithinRange", lines[1]);
        // 105 % on 10 pods: ceil(1.75 x 10) = 18, within the 4 pods / 100 % per 15 s limit.
        assertEquals("615,18,18,18,DesiredWithinRange", lines[3]);
        // 8 pods booting count as 0: (10 x 105 %) / 18 pods = 58 % is within the tolerance of 60 %: no pile-on.
        assertEquals("630,18,18,18,DesiredWithinRange", lines[4]);
        assertEquals("705,32,32,32,DesiredWithinRange", lines[6]);
        assertEquals(9, lines.length);
    }

    /** The rows worked out by hand from upstream's Scale() (knative/serving 98e5ef90): TargetValue 2 × 0.7, TotalValue 2, TBC 211. */
    @Test
    void theShippedKnativeTicksReplayWithExcessBurstCapacityAndPanic() {
        CliRun run = CliRun.of("autoscaler", "replay", "../scenarios/knative-panic-spike.yaml", "--observations",
                "../scenarios/traces/knative-panic-ticks.csv", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals("time,desired,excessBurstCapacity,panic", lines[0]);
        // ceil(1.6 / 1.4) = 2; EBC floor(2 × 2 − 211 − 1.7) = −209
        assertEquals("300,2,-209,false", lines[1]);
        // panic: ceil(9.5 / 1.4) = 7 ≥ 2 × 2 ready
        assertEquals("302,7,-217,true", lines[2]);
        // 9 asked for on 12 ready: no longer over the threshold, but the panic since 306 s holds 12
        assertEquals("322,12,-200,true", lines[5]);
        // 306 + 60 is not before 366: still panicking; at 368 panic ends and the stable ceil(11.9 / 1.4) = 9 applies
        assertEquals("366,12,-199,true", lines[6]);
        assertEquals("368,9,-199,false", lines[7]);
    }

    @Test
    void jsonHasOneObjectPerSync() {
        CliRun run = CliRun.of("autoscaler", "replay", SCENARIO, "--observations", SYNCS, "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("{\"time\": 615, \"desired\": 18, \"proposed\": 18, \"stabilized\": 18, \"limit\": \"DesiredWithinRange\"}"),
                run.out());
    }

    @Test
    void anInvalidRowIsOneLocatedLineAndExitThree() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,ready,unready,missing,value\n15,4,0,0,50\n30,-1,0,0,50\n");
        CliRun run = CliRun.of("autoscaler", "replay", SCENARIO, "--observations", bad.toString());
        assertEquals(3, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("ready must be a whole number >= 0 but was '-1' (" + bad + ":3:4)"), run.err());
    }

    @Test
    void observationsAreRequired() {
        CliRun run = CliRun.of("autoscaler", "replay", SCENARIO);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--observations"), run.err());
    }
}
