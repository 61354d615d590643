package io.headroom.planner.calibrate;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Maximum likelihood on grouped data: maximises {@code ℓ(θ) = Σ nᵢ · log(F_θ(hᵢ) − F_θ(lᵢ))}, the
 * grouped-data likelihood of Klugman, Panjer and Willmot, <i>Loss Models</i> (the interval-censoring
 * likelihood of R {@code fitdistrplus::fitdistcens}), with commons-math3's Nelder–Mead simplex
 * (Brent's method for one parameter) from the method-of-moments start.
 */
public final class GroupedFit {
    /** A mass below this counts as this, so one impossible bucket does not make the likelihood -∞. */
    private static final double FLOOR = 1e-300;

    private GroupedFit() {
    }

    /** The fitted parameters (on {@link Family}'s scale) and the negative log-likelihood there. */
    public record Result(Family family, double[] parameters, double negativeLogLikelihood) {
        public Result {
            parameters = parameters.clone();
        }

        /** Akaike's information criterion, 2p + 2·NLL. */
        public double aic() {
            return 2 * family.parameters + 2 * negativeLogLikelihood;
        }

        public double mean() {
            return family.mean(parameters);
        }

        public double cv() {
            return family.cv(parameters);
        }

        public double quantile(double q) {
            return family.quantile(parameters, q);
        }
    }

    public static Result fit(Intervals data, Family family) {
        double[] mv = data.meanAndVariance();
        double[] start = family.start(mv[0], mv[1]);
        if (family.parameters == 1) {
            UnivariatePointValuePair best = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(2000), GoalType.MINIMIZE,
                    new UnivariateObjectiveFunction(x -> nll(data, family, new double[] {x})),
                    new SearchInterval(start[0] - 3, start[0] + 3, start[0]));
            return new Result(family, new double[] {best.getPoint()}, best.getValue());
        }
        double[] steps = new double[start.length];
        java.util.Arrays.fill(steps, 0.1);
        PointValuePair best = new SimplexOptimizer(1e-11, 1e-13).optimize(new MaxEval(20_000), new MaxIter(20_000),
                GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(steps),
                new ObjectiveFunction(p -> nll(data, family, p)));
        return new Result(family, best.getPoint(), best.getValue());
    }

    /** The negative grouped log-likelihood of {@code data} under {@code family} with {@code p}. */
    static double nll(Intervals data, Family family, double[] p) {
        double sum = 0;
        double[] lower = data.lower();
        double[] upper = data.upper();
        long[] counts = data.counts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                double m = family.mass(p, lower[i], upper[i]);
                sum -= counts[i] * Math.log(Math.max(m, FLOOR));
            }
        }
        return Double.isNaN(sum) ? Double.MAX_VALUE : sum;
    }
}
