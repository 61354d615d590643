package io.headroom.loadgen.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The file-descriptor rules of a load test, on the numbers of this machine (ulimit -n 20000). */
class DescriptorsTest {
    @Test
    void aPeakThatALimitHoldsForATenthOfASecondMayStart() {
        // 20,000 requests/s x 0.1 s = 2,000 connections; 0.85 x 20,000 - 600 = 16,400 free
        assertTrue(Descriptors.refusal(20_000, 600, 20_000).isEmpty());
        // 0.85 x 2,048 - 600 = 1,140 < 2,000
        String reason = Descriptors.refusal(20_000, 600, 2_048).orElseThrow();
        assertTrue(reason.startsWith("this process may open 2048 file descriptors (ulimit -n) and has 600 open, so a load test may"
                + " use 1140 more before it is stopped at 85 %; the plan's peak of 20000 requests/s needs 2000"), reason);
        assertTrue(Descriptors.refusal(11_400, 600, 2_048).isEmpty(), "exactly at the room");
        assertTrue(Descriptors.refusal(11_401, 600, 2_048).isPresent(), "one over it");
    }

    @Test
    void aRunningTestStopsAtEightyFivePercentOfTheLimit() {
        assertTrue(Descriptors.exhausted(16_999, 20_000).isEmpty());
        String reason = Descriptors.exhausted(17_000, 20_000).orElseThrow();
        assertTrue(reason.startsWith("this process ran short of file descriptors: 17000 open of the 20000"), reason);
    }

    @Test
    void thisJvmReportsItsDescriptorsOnUnix() {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            return;
        }
        long[] fd = Descriptors.openAndMax().orElseThrow();
        assertTrue(fd[0] > 0 && fd[0] <= fd[1], fd[0] + " of " + fd[1]);
        assertEquals(2, fd.length);
    }
}
