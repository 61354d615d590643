package io.headroom.planner.sim;

import org.apache.commons.math3.special.Erf;

/**
 * How the 503s of azureml-fe's central queue cluster in time, seen in one-second rows: a
 * second that has any 503 holds {@link Shape#perSecond} of them on average, and such seconds come in
 * runs of {@link Shape#seconds} in a row. {@link BurstRenderer} uses both to lay the fast engine's
 * fluid 503s out as the bursts a real run shows.
 *
 * <p>The model. An arrival gets 503 iff the virtual wait exceeds the max wait D (M/M/c+D), i.e.
 * iff the queue holds about K = cμD requests (all c slots busy, each freeing at rate μ). Near K
 * the queue content is a birth–death process (arrivals λ up, departures cμ down) whose diffusion
 * limit has drift λ − cμ and variance λ + cμ·cv² per second (Poisson arrivals; the departures of c
 * busy slots with service-time cv, as in Whitt's many-server heavy-traffic approximations, "A
 * diffusion approximation for the G/GI/n/m queue", Operations Research 52(6), 2004). Let
 * Y = K − content ≥ 0 be the distance below the rejecting level: a Brownian motion with drift
 * m = cμ − λ and variance σ², reflected at 0 (the 503s are its regulator, the pushing at 0) and
 * at K (the empty queue). Its stationary density is ∝ g(y) = e^{2my/σ²} on [0, K], and:
 * <ul>
 *   <li>the rate of 503s is the regulator's rate, σ²/2 · f(0) (Harrison, <i>Brownian Motion and
 *       Stochastic Flow Systems</i>, 1985);</li>
 *   <li>a window of w seconds holds a 503 iff Y hits 0 in it: P_w = ∫ f(y) P_y(τ₀ ≤ w) dy, with the
 *       first-passage probability of a drifted Brownian motion
 *       P_y(τ₀ ≤ w) = Φ((−y − mw)/(σ√w)) + e^{−2my/σ²} Φ((−y + mw)/(σ√w)) (the reflection principle
 *       with Girsanov's change of drift; Borodin &amp; Salminen, <i>Handbook of Brownian Motion</i>);</li>
 *   <li>so a second with a 503 holds on average B = σ²/2 / I(1) of them, where
 *       I(w) = ∫₀^K g(y) P_y(τ₀ ≤ w) dy (the density's normalisation cancels). Without drift and
 *       for a large K this is σ·√(π/8): about 5 for 32 one-second slots at 97 % load. B is at most
 *       λ, the second's arrivals: at a few requests a second the diffusion is coarse and its B exceeds
 *       them (5.2 at 2 requests a second, where the discrete-event engine has a 503 in 70 % of seconds,
 *       not the 29 % that B would give);</li>
 *   <li>the chance that the next second has a 503 too is P(hit in [0,1] and in [1,2]) / P₁ =
 *       2 − P₂/P₁, so runs of 503-seconds last L = I(1) / (I(2) − I(1)) seconds on average (runs
 *       taken as geometric; without drift L = 1/(√2 − 1) ≈ 2.4). L is computed without the wall at K:
 *       the empty queue is not a reflecting wall (below it slots idle and the content is pulled back
 *       up), and with the wall a small K (8 slots, 500 ms: K = 4) gave runs of 6 s where the
 *       discrete-event engine shows 1.9 s; without it 2.2 s (DES's runs: 1.9–3.5 s, theory within 17 %).</li>
 * </ul>
 * There is no time scale of its own in this clustering (a Brownian path's zeros are a fractal): the
 * one second is the timeline's, which is what a window is made of. Where it is weak: a K of a
 * few requests (a few slots, a short max wait), where the diffusion is coarse; it is exact neither
 * for the birth–death chain nor for the fluid engine's transients, and is checked against the
 * discrete-event engine (RejectionEpisodesTest). Stateless.
 */
final class RejectionEpisodes {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private RejectionEpisodes() {
    }

    /** 503s per second that has any ({@code perSecond} ≥ 1) and such seconds per run ({@code seconds} ≥ 1). */
    record Shape(double perSecond, double seconds) {
        Shape {
            if (!(perSecond >= 1) || !(seconds >= 1)) {
                throw new IllegalArgumentException("episode shape must be >= 1 but was " + perSecond + " per second, " + seconds + " s");
            }
        }

        /** 503s in one run of seconds. */
        double requests() {
            return perSecond * seconds;
        }
    }

    /**
     * The shape at arrival rate λ, service capacity cμ (ready slots / mean service time), the
     * service time's cv and the max wait D. With no capacity every arrival is rejected: one run
     * holding a second's arrivals.
     */
    static Shape of(double arrivalsPerSecond, double capacityPerSecond, double serviceCv, double maxWaitSeconds) {
        double k = capacityPerSecond * maxWaitSeconds;
        double variance = arrivalsPerSecond + capacityPerSecond * serviceCv * serviceCv;
        if (k <= 0 || variance <= 0) {
            return new Shape(Math.max(1, arrivalsPerSecond), 1);
        }
        double drift = capacityPerSecond - arrivalsPerSecond;
        double one = hitIntegral(drift, variance, k, 1);
        double perSecond = one <= 0 ? Math.max(1, arrivalsPerSecond) : variance / 2 / one;
        // the run length without the wall at K (see the class javadoc)
        double oneOpen = hitIntegral(drift, variance, Double.POSITIVE_INFINITY, 1);
        double twoOpen = hitIntegral(drift, variance, Double.POSITIVE_INFINITY, 2);
        double seconds = twoOpen - oneOpen <= 0 ? 1 : oneOpen / (twoOpen - oneOpen);
        // a second cannot reject more than it receives (at a few requests a second the diffusion's B exceeds them)
        return new Shape(Math.max(1, Math.min(perSecond, arrivalsPerSecond)), Math.max(1, seconds));
    }

    /**
     * I(w) = ∫₀^K e^{2my/σ²} P_y(τ₀ ≤ w) dy in closed form. With s = σ√w, x = m√w/σ, c = 2m/σ² and
     * G(z) = ∫_{−∞}^z Φ = zΦ(z) + φ(z): the second term of P_y integrates to s·(G(x) − G(x − K/s));
     * the first, by parts and because e^{cy}φ((y + mw)/s) = φ((y − mw)/s) (c·s² = 2mw), to
     * (e^{cK}Φ(−x − K/s) + Φ(K/s − x) − 2Φ(−x)) / c. Without drift both terms are s·(φ(0) − G(−K/s)).
     * As K → ∞: (2Φ(x) − 1)·σ²/(2m) + s·G(x). RejectionEpisodesTest checks it against Simpson's rule.
     */
    static double hitIntegral(double drift, double variance, double k, double windowSeconds) {
        double spread = Math.sqrt(variance * windowSeconds);
        double x = drift * windowSeconds / spread;
        double wall = k / spread;
        double second = spread * (g(x) - (Double.isInfinite(wall) ? 0 : g(x - wall)));
        if (Math.abs(x) < 1e-6) {
            return second + spread * (g(0) - (Double.isInfinite(wall) ? 0 : g(-wall)));
        }
        double c = 2 * drift / variance;
        double atWall = Double.isInfinite(wall) ? 0 : Math.exp(c * k + logPhi(-x - wall));
        double below = Double.isInfinite(wall) ? 1 : phi(wall - x);
        return (atWall + below - 2 * phi(-x)) / c + second;
    }

    /** G(z) = ∫_{−∞}^z Φ(t) dt = zΦ(z) + φ(z); 0 far below. */
    private static double g(double z) {
        if (z < -38) {
            return 0;
        }
        return z * phi(z) + Math.exp(-z * z / 2 - LOG_SQRT_2PI);
    }

    /** The standard normal distribution function. */
    static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** log Φ(x); below −30 from the asymptotic series Φ(x) ≈ φ(x)/|x| · (1 − 1/x² + 3/x⁴). */
    static double logPhi(double x) {
        if (x > -30) {
            return Math.log(phi(x));
        }
        double x2 = x * x;
        return -x2 / 2 - LOG_SQRT_2PI - Math.log(-x) + Math.log1p(-1 / x2 + 3 / (x2 * x2));
    }
}
