package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pooled queue's relaxation time ({@link ShortestQueueStationary#relaxationSeconds}) against the
 * exact relaxation time of M/M/1, 1/(μ(1 − √ρ)²) (P. M. Morse, "Stochastic properties of waiting
 * lines", Operations Research 3(3), 1955; one slot, one replica with a buffer too long to matter), within
 * 1 % from ρ = 0.8; and at full load against the slowest mode of diffusion between reflecting barriers,
 * 2K²/(π²σ²) with σ² = λ + cμ, derived by hand.
 */
class ShortestQueueRelaxationTest {
    @ParameterizedTest(name = "M/M/1 at ρ = {0}")
    @CsvSource({"0.8", "0.9", "0.95", "0.99"})
    void belowCapacityItIsMorsesRelaxationTimeOfMm1(double rho) {
        double mean = 0.2;
        ShortestQueueStationary q = new ShortestQueueStationary(1, 1_000_000, mean, 1, 3600, 0.01);
        double exact = mean / Math.pow(1 - Math.sqrt(rho), 2);
        assertEquals(exact, q.relaxationSeconds(1, 1, rho), 0.01 * exact);
    }

    @ParameterizedTest(name = "{0} one-slot replicas with {1} places each")
    @CsvSource({"50, 5", "100, 10", "400, 2"})
    void atFullLoadTheBufferBoundsIt(int replicas, int places) {
        double mean = 1;
        ShortestQueueStationary q = new ShortestQueueStationary(1, places, mean, 1, 3600, 0.1);
        double k = (double) replicas * places;
        double variance = 2.0 * replicas / mean;
        double expected = 2 * k * k / (Math.PI * Math.PI * variance);
        assertEquals(expected, q.relaxationSeconds(replicas, replicas, 1.3 * replicas), 1e-9 * expected);
        assertEquals(expected, q.relaxationSeconds(replicas, replicas, replicas), 1e-9 * expected);
    }
}
