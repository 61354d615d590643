package io.headroom.planner.queueing;

import org.apache.commons.math3.special.Gamma;

/**
 * Independent reference values for the tests: Erlang B and C straight from their definitions,
 * B = (a^c/c!) / Σ_{k≤c} a^k/k!, summed in log space with ln k! = lnΓ(k+1) (commons-math3) and
 * log-sum-exp, so no recursion is shared with the code under test.
 */
final class LogSpace {
    private LogSpace() {
    }

    static double logTerm(int k, double a) {
        return k * Math.log(a) - Gamma.logGamma(k + 1.0);
    }

    /** ln Σ_{k=0}^{n} a^k/k!. */
    static double logSumTerms(int n, double a) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= n; k++) {
            max = Math.max(max, logTerm(k, a));
        }
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            sum += Math.exp(logTerm(k, a) - max);
        }
        return max + Math.log(sum);
    }

    static double erlangB(int c, double a) {
        return Math.exp(logTerm(c, a) - logSumTerms(c, a));
    }

    /** C = (a^c/c!)·c/(c−a) / (Σ_{k&lt;c} a^k/k! + (a^c/c!)·c/(c−a)), the textbook M/M/c definition. */
    static double erlangC(int c, double a) {
        double logQueued = logTerm(c, a) + Math.log(c / (c - a));
        double logIdle = logSumTerms(c - 1, a);
        return 1 / (1 + Math.exp(logIdle - logQueued));
    }
}
