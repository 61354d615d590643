package io.headroom.planner.sim;

import java.util.SplittableRandom;

/**
 * What the policy sees in {@link FastEngine} on top of the fluid mean: the count of requests in
 * flight is random, and a policy that reacts to one refresh interval (azureml's eager scale-up) reacts to its noise. The
 * number in an M/G/∞ system is Poisson, variance = mean, and for exponential service its
 * autocorrelation is e^{−t/E[S]}; its diffusion limit is an Ornstein–Uhlenbeck process (Iglehart,
 * "Limiting diffusion approximations for the many server queue and the repairman problem", J. Appl.
 * Prob. 2(2), 1965). The variance is taken as the in-flight mean, busy and queued alike (a
 * smaller one for busy slots near their cap, busy·(1 − busy/slots), was tried and made azureml
 * scale up clearly less than in the discrete-event engine). The fluctuation is
 * {@code sqrt(mean) · X + (X² − 1) / 6}, the Cornish–Fisher expansion of a Poisson count with that
 * mean (skewness 1/sqrt(mean); E. A. Cornish and R. A. Fisher, "Moments and cumulants in the
 * specification of distributions", Revue de l'Institut International de Statistique 5(4), 1938): a
 * policy that scales up on one interval's peak reacts to the upper tail, which the skew lengthens
 * (Gaussian noise alone left azureml 2–6 % short of DES's replica-hours on launch day, the gentle
 * ramp and the trace replay); below one request in flight the skew term is scaled down with the
 * mean, so an idle deployment sees no phantom requests. X is a unit OU process of correlation
 * time E[S], stepped exactly: X ← φX + sqrt(1 − φ²)·Z, φ = e^{−h/E[S]}, Z standard normal (Box–Muller on the run's arrivals stream, which the fast
 * engine does not otherwise use). It only reaches the policy: outcomes already include randomness
 * through the stationary results. The busy slots the policy's metric sees (HPA's CPU, from the buckets)
 * are those of the fluctuating in-flight count N, min(c, N), as in a central queue where no slot
 * idles while a request waits: under overload they stay at c. (Busy slots as the fluid busy count
 * plus the fluctuation, capped at c, read on average about σ·0.4 below c when saturated, and HPA on
 * CPU then scaled to 14 % fewer replica-hours than DES on hpa-cpu-launch.) Behind a balancer the
 * busy slots are the fluid busy count plus the fluctuation: there a replica idles while another's
 * queue holds requests. Mutable, one thread; owned by the engine.
 */
final class PolicyNoise {
    private final SplittableRandom random;
    private final double decay;
    private double unit;

    /** A unit OU process stepped every {@code stepSeconds} with correlation time {@code meanServiceSeconds}, drawn from {@code random}. */
    PolicyNoise(SplittableRandom random, double stepSeconds, double meanServiceSeconds) {
        this.random = random;
        this.decay = Math.exp(-stepSeconds / meanServiceSeconds);
    }

    /** The fluctuation on top of {@code inFlight} requests for the next step. */
    double next(double inFlight) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        unit = decay * unit + Math.sqrt(1 - decay * decay) * z;
        double mean = Math.max(0, inFlight);
        // the skew term fades out below one request in flight, where there is nothing to fluctuate
        return Math.sqrt(mean) * unit + Math.min(1, mean) * (unit * unit - 1) / 6;
    }
}
