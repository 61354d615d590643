package io.headroom.planner.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxWaitQueueTest {
    @ParameterizedTest
    @CsvSource({"1, 0.5", "2, 1.5", "10, 5", "50, 40", "50, 60", "1000, 960"})
    void zeroMaxWaitIsErlangB(int c, double a) {
        MaxWaitQueue.Outcome o = MaxWaitQueue.solve(c, a, 1.0, 0, 1.0);
        assertEquals(ErlangB.blocking(c, a), o.rejectionFraction(), 1e-14);
        assertEquals(0.0, o.meanWaitSeconds(), 0);
    }

    /**
     * M/M/1+D, hand-derived from the level-crossing density: with c = 1, b = B(0, a) = 1 and
     * S = p0, normalisation gives S = (1 − ρ)/(1 − ρ²e^{−θτ}), so P_ab = ρ(1 − ρ)e^{−θτ}/(1 − ρ²e^{−θτ}),
     * θ = μ − λ. ρ = 0.8, μ = 1/s, τ = 1 s: 0.2751964928861274 (also checked with 50-digit mpmath).
     */
    @ParameterizedTest
    @CsvSource({"0.8, 1.0", "0.5, 0.25", "0.95, 3", "0.3, 10"})
    void singleServerMatchesClosedForm(double rho, double tauSeconds) {
        double e = Math.exp(-(1 - rho) * tauSeconds);
        double expected = rho * (1 - rho) * e / (1 - rho * rho * e);
        assertEquals(expected, MaxWaitQueue.solve(1, rho, 1.0, tauSeconds, 1.0).rejectionFraction(), 1e-14);
    }

    @Test
    void singleServerPinnedValue() {
        assertEquals(0.2751964928861274, MaxWaitQueue.solve(1, 0.8, 1.0, 1.0, 1.0).rejectionFraction(), 1e-14);
    }

    @Test
    void longMaxWaitRejectsNothingAndWaitsLikeErlangC() {
        MaxWaitQueue.Outcome o = MaxWaitQueue.solve(50, 45, 1.0, 1000, 1.0);
        assertEquals(0.0, o.rejectionFraction(), 1e-15);
        assertEquals(ErlangC.probabilityOfWait(50, 45), o.probabilityOfWait(), 1e-12);
        assertEquals(ErlangC.meanWaitSeconds(50, 45, 1.0, 1.0), o.meanWaitSeconds(), 1e-12);
    }

    @Test
    void overloadRejectsTheExcessWhenMaxWaitIsLong() {
        // ρ = 2: the servers carry c requests per service time, so 1 − 1/ρ of arrivals are rejected
        MaxWaitQueue.Outcome o = MaxWaitQueue.solve(100, 200, 1.0, 1000, 1.0);
        assertEquals(0.5, o.rejectionFraction(), 1e-12);
        assertEquals(1.0, o.probabilityOfWait(), 1e-12);
        assertTrue(o.meanWaitSeconds() > 999 * 0.5, "nearly every arrival waits the full max wait: " + o.meanWaitSeconds());
    }

    @Test
    void rhoOfExactlyOneIsContinuous() {
        double at = MaxWaitQueue.solve(40, 40, 1.0, 0.5, 1.0).rejectionFraction();
        double below = MaxWaitQueue.solve(40, 40 * (1 - 1e-9), 1.0, 0.5, 1.0).rejectionFraction();
        double above = MaxWaitQueue.solve(40, 40 * (1 + 1e-9), 1.0, 0.5, 1.0).rejectionFraction();
        assertEquals(at, below, 1e-8);
        assertEquals(at, above, 1e-8);
        assertEquals(at, MaxWaitQueue.solve(40, 40, 1.0, 0.5, 1.0).rejectionFraction(), 0);
    }

    @Test
    void moreServersRejectFewer() {
        double previous = 1;
        for (int c = 180; c <= 260; c++) {
            double p = MaxWaitQueue.solve(c, 20, 10, 0.5, 1.0).rejectionFraction();
            assertTrue(p < previous, "c=" + c + ": " + p + " >= " + previous);
            previous = p;
        }
    }

    /** E[min(V, τ)] against a Simpson integral of P(V &gt; v) written out from the density; tolerance 1e-9 relative. */
    @ParameterizedTest
    @CsvSource({"1, 0.8, 1.0", "50, 45, 0.1", "50, 55, 0.3", "20, 20, 0.5"})
    void meanWaitIsTheIntegralOfTheWaitTail(int c, double a, double tau) {
        double rho = a / c;
        double b = ErlangB.blocking(c - 1, a);
        double theta = c * (1 - rho);
        double g = rho == 1 ? c * tau : -Math.expm1(-theta * tau) / (1 - rho);
        double s = 1 / (1 + rho * b * (g + Math.exp(-theta * tau)));
        double pAb = rho * s * b * Math.exp(-theta * tau);
        int n = 20_000;
        double h = tau / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double v = i * h;
            double tail = pAb + (rho == 1 ? c * (tau - v) : (Math.exp(-theta * v) - Math.exp(-theta * tau)) / (1 - rho)) * rho * s * b;
            sum += tail * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        double expected = sum * h / 3;
        assertEquals(expected, MaxWaitQueue.solve(c, a, 1.0, tau, 1.0).meanWaitSeconds(), expected * 1e-9);
    }

    /**
     * At c = 50, ρ = 0.9 and τ = a tenth of the service time, the M/M/c tail P(W &gt; τ) counts
     * requests that would have waited, not those rejected; rejecting them shortens everyone else's
     * wait, so the true 503 fraction is far smaller. mpmath (50 digits): 0.2206950 vs 0.0275396, ratio 8.01.
     */
    @Test
    void rejectionFractionIsAboutEightTimesBelowTheMmcTailAtFiftyServers() {
        double rejected = MaxWaitQueue.solve(50, 45, 1.0, 0.1, 1.0).rejectionFraction();
        double mmcTail = ErlangC.probabilityWaitExceeds(50, 45, 1.0, 1.0, 0.1);
        double ratio = mmcTail / rejected;
        System.out.printf(Locale.ROOT, "c=50 rho=0.9 tau=0.1/mu: M/M/c P(W>tau)=%.7f, M/M/c+D 503 fraction=%.7f, ratio %.3f%n",
                mmcTail, rejected, ratio);
        assertTrue(ratio > 5 && ratio < 12, "ratio " + ratio);
        assertEquals(0.0275395516, rejected, 1e-9);
    }

    @Test
    void constantServiceRejectsFewerThanExponential() {
        double exponential = MaxWaitQueue.solve(50, 45, 1.0, 0.1, 1.0).rejectionFraction();
        double constant = MaxWaitQueue.solve(50, 45, 1.0, 0.1, 0.0).rejectionFraction();
        assertTrue(constant < exponential, constant + " >= " + exponential);
    }

    @ParameterizedTest
    @CsvSource({"1, 0.8, 1.0", "50, 45, 0.1", "50, 55, 0.3", "20, 20, 0.5", "200, 199, 0.05", "10, 30, 2"})
    void theWaitTailStartsAtTheProbabilityOfWaitingAndEndsAtTheRejectionFraction(int c, double a, double tau) {
        MaxWaitQueue.Outcome o = MaxWaitQueue.solve(c, a, 1.0, tau, 1.0);
        assertEquals(o.probabilityOfWait(), MaxWaitQueue.waitExceeds(c, a, 1.0, tau, 1.0, 0), 1e-12);
        assertEquals(o.rejectionFraction(), MaxWaitQueue.waitExceeds(c, a, 1.0, tau, 1.0, tau), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"1, 0.8, 1.0", "50, 45, 0.1", "50, 49, 0.3", "20, 20, 0.5", "200, 199, 0.05", "10, 30, 2", "286, 200, 0.05"})
    void theP99WaitNeverExceedsTheMaxWaitAndSplitsTheTailAtOnePercent(int c, double a, double tau) {
        double p99 = MaxWaitQueue.waitQuantileSeconds(c, a, 1.0, tau, 1.0, 0.99);
        assertTrue(p99 >= 0 && p99 <= tau, "p99 " + p99 + " within [0, " + tau + "]");
        MaxWaitQueue.Outcome o = MaxWaitQueue.solve(c, a, 1.0, tau, 1.0);
        if (o.rejectionFraction() > 0.01) {
            assertEquals(tau, p99, 0, "more than 1 % wait the whole max wait");
        } else if (o.probabilityOfWait() <= 0.01) {
            assertEquals(0, p99, 0, "at most 1 % wait at all");
        } else {
            assertEquals(0.01, MaxWaitQueue.waitExceeds(c, a, 1.0, tau, 1.0, p99), 1e-9);
        }
    }

    @Test
    void withALongMaxWaitTheP99IsErlangCs() {
        double mmc = ErlangC.waitQuantileSeconds(50, 45, 1.0, 1.0, 0.99);
        assertTrue(mmc > 0.1, "a wait worth comparing: " + mmc);
        assertEquals(mmc, MaxWaitQueue.waitQuantileSeconds(50, 45, 1.0, 1000, 1.0, 0.99), mmc * 1e-6);
    }
}
