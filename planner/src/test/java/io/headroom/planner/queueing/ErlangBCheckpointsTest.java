package io.headroom.planner.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ErlangBCheckpoints} returns {@link ErlangB#blocking}'s value bit for bit, whatever it was asked before:
 * server counts up and down across checkpoints, loads repeated and new, past the number of loads it keeps.
 */
class ErlangBCheckpointsTest {
    @Test
    void everyResultIsTheRecursionsBitForBit() {
        ErlangBCheckpoints memo = new ErlangBCheckpoints();
        SplittableRandom random = new SplittableRandom(11);
        double[] loads = {0, 0.5, 255.9, 1_000, 12_345.678, 27_990.25};
        for (int i = 0; i < 3_000; i++) {
            double a = i % 7 == 6 ? random.nextDouble(0, 30_000) : loads[random.nextInt(loads.length)];
            int servers = random.nextInt(4) == 0 ? random.nextInt(600) : random.nextInt(30_000);
            assertEquals(Double.doubleToRawLongBits(ErlangB.blocking(servers, a)), Double.doubleToRawLongBits(memo.blocking(servers, a)),
                    "B(" + servers + ", " + a + ")");
        }
        for (int s : new int[] {0, 1, 255, 256, 257, 511, 512, 513}) {
            assertEquals(ErlangB.blocking(s, 300.0), memo.blocking(s, 300.0), 0, "at a checkpoint's edge: " + s);
        }
    }

    @Test
    void keepsOnlyBoundedLoadsAndStaysExact() {
        ErlangBCheckpoints memo = new ErlangBCheckpoints();
        for (int i = 0; i < ErlangBCheckpoints.MAX_LOADS + 10; i++) {
            double a = 300 + i * 0.001;
            assertEquals(ErlangB.blocking(700, a), memo.blocking(700, a), 0);
        }
        assertEquals(ErlangB.blocking(1_000, 300.0), memo.blocking(1_000, 300.0), 0, "after the checkpoints started over");
        assertThrows(IllegalArgumentException.class, () -> memo.blocking(1_000, Double.NaN));
    }
}
