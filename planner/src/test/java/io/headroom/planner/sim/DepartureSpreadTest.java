package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DepartureSpread}'s points against the Gamma distribution they stand for (commons-math's inverse): behind 1
 * slot of exponential service a mean wait of w seconds is Erlang(w·μ, μ); with 4 slots of lognormal service of cv 2
 * the departures' squared cv is (4 + 3)/4. Wilson–Hilferty within 2 % at every point from shape 5 up, and the points'
 * weighted mean is the mean wait within 1 %.
 */
class DepartureSpreadTest {
    private static final double[] PROBABILITIES = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.94, 0.9875, 0.9975};

    @ParameterizedTest(name = "{0} slots, mean {1} s, cv {2}, wait {3} s")
    @CsvSource({"1, 1.0, 1.0, 5", "1, 0.2, 1.0, 4", "4, 0.5, 2.0, 10", "8, 1.0, 1.0, 30"})
    void pointsAreTheGammasQuantilesAndKeepTheMean(int slots, double mean, double cv, double wait) {
        DepartureSpread spread = new DepartureSpread(slots, mean, cv);
        double rate = slots / mean;
        double cv2 = (cv * cv + slots - 1) / slots;
        GammaDistribution gamma = new GammaDistribution(null, wait * rate / cv2, cv2 / rate);
        double weighted = 0;
        for (int j = 0; j < DepartureSpread.POINTS; j++) {
            double exact = gamma.inverseCumulativeProbability(PROBABILITIES[j]);
            assertEquals(exact, spread.wait(wait, j), 0.02 * exact, "point " + j);
            weighted += DepartureSpread.weight(j) * spread.wait(wait, j);
        }
        assertEquals(wait, weighted, 0.01 * wait, "mean");
    }
}
