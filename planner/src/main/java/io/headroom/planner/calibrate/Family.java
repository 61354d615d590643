package io.headroom.planner.calibrate;

import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.dist.GammaDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import java.time.Duration;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The distribution families a fit tries, each with its parameters on an unconstrained scale for the
 * optimiser, its method-of-moments start (the note's §1.2(b)), its CDF and quantile, and the
 * scenario distribution it becomes. Parameters: lognormal (μ, ln σ); gamma (ln k, ln θ);
 * exponential (ln mean).
 */
public enum Family {
    LOGNORMAL("lognormal", 2) {
        @Override
        double[] start(double mean, double variance) {
            double s2 = Math.log1p(variance / (mean * mean));
            return new double[] {Math.log(mean) - s2 / 2, 0.5 * Math.log(s2)};
        }

        @Override
        double cdf(double[] p, double x) {
            if (x <= 0) {
                return 0;
            }
            return x == Double.POSITIVE_INFINITY ? 1 : 0.5 * Erf.erfc(-(Math.log(x) - p[0]) / (Math.exp(p[1]) * Math.sqrt(2)));
        }

        @Override
        double survival(double[] p, double x) {
            if (x <= 0) {
                return 1;
            }
            return x == Double.POSITIVE_INFINITY ? 0 : 0.5 * Erf.erfc((Math.log(x) - p[0]) / (Math.exp(p[1]) * Math.sqrt(2)));
        }

        @Override
        double mean(double[] p) {
            double s = Math.exp(p[1]);
            return Math.exp(p[0] + s * s / 2);
        }

        @Override
        double cv(double[] p) {
            double s = Math.exp(p[1]);
            return Math.sqrt(Math.expm1(s * s));
        }

        @Override
        double quantile(double[] p, double q) {
            return Math.exp(p[0] + Math.exp(p[1]) * Math.sqrt(2) * Erf.erfInv(2 * q - 1));
        }
    },
    GAMMA("gamma", 2) {
        @Override
        double[] start(double mean, double variance) {
            return new double[] {Math.log(mean * mean / variance), Math.log(variance / mean)};
        }

        @Override
        double cdf(double[] p, double x) {
            if (x <= 0) {
                return 0;
            }
            return x == Double.POSITIVE_INFINITY ? 1 : Gamma.regularizedGammaP(Math.exp(p[0]), x / Math.exp(p[1]));
        }

        @Override
        double survival(double[] p, double x) {
            if (x <= 0) {
                return 1;
            }
            return x == Double.POSITIVE_INFINITY ? 0 : Gamma.regularizedGammaQ(Math.exp(p[0]), x / Math.exp(p[1]));
        }

        @Override
        double mean(double[] p) {
            return Math.exp(p[0] + p[1]);
        }

        @Override
        double cv(double[] p) {
            return 1 / Math.sqrt(Math.exp(p[0]));
        }

        @Override
        double quantile(double[] p, double q) {
            return new org.apache.commons.math3.distribution.GammaDistribution(null, Math.exp(p[0]), Math.exp(p[1]))
                    .inverseCumulativeProbability(q);
        }
    },
    EXPONENTIAL("exponential", 1) {
        @Override
        double[] start(double mean, double variance) {
            return new double[] {Math.log(mean)};
        }

        @Override
        double cdf(double[] p, double x) {
            return x <= 0 ? 0 : -Math.expm1(-x / Math.exp(p[0]));
        }

        @Override
        double survival(double[] p, double x) {
            return x <= 0 ? 1 : Math.exp(-x / Math.exp(p[0]));
        }

        @Override
        double mean(double[] p) {
            return Math.exp(p[0]);
        }

        @Override
        double cv(double[] p) {
            return 1;
        }

        @Override
        double quantile(double[] p, double q) {
            return -Math.exp(p[0]) * Math.log1p(-q);
        }
    };

    /** The scenario's name for it. */
    public final String kind;
    /** Its number of free parameters (the p of AIC and of df = k - 1 - p). */
    public final int parameters;

    Family(String kind, int parameters) {
        this.kind = kind;
        this.parameters = parameters;
    }

    abstract double[] start(double mean, double variance);

    abstract double cdf(double[] p, double x);

    /** 1 - cdf, computed directly so upper-tail masses do not cancel to 0. */
    abstract double survival(double[] p, double x);

    abstract double mean(double[] p);

    abstract double cv(double[] p);

    abstract double quantile(double[] p, double q);

    /** The probability of {@code [lower, upper)}, from whichever tail loses less precision. */
    double mass(double[] p, double lower, double upper) {
        double m = cdf(p, lower) < 0.5 ? cdf(p, upper) - cdf(p, lower) : survival(p, lower) - survival(p, upper);
        return Math.max(m, 0);
    }

    /** The scenario distribution with these parameters, {@code unitNanos} nanoseconds per unit of the data. */
    DistributionSpec spec(double[] p, double unitNanos) {
        Duration mean = Duration.ofNanos(Math.max(1, Math.round(mean(p) * unitNanos)));
        return switch (this) {
            case LOGNORMAL -> new LognormalDistribution(mean, cv(p));
            case GAMMA -> new GammaDistribution(mean, cv(p));
            case EXPONENTIAL -> new ExponentialDistribution(mean);
        };
    }
}
