package io.headroom.planner.sim;

/**
 * How far azureml-fe's queue has filled towards the content that rejects, against its steady state:
 * the factor {@link CentralArrivals} scales the stationary M/M/c+D 503 share by. The pointwise
 * stationary approximation rejects the steady share as soon as the load reaches it, while a real
 * queue must first fill: near saturation the queue content of c busy slots is a Brownian motion with
 * drift λ − cμ and variance λ + cμ·cv² per second, reflected at 0 and at K = cμD, the content that
 * fills the max wait D (Whitt 2004; the diffusion {@link RejectionEpisodes} uses), and the 503 rate
 * is its regulator at K, σ²/2·p(K, t) (Harrison 1985). Its density p(y, t) follows the Fokker–Planck
 * equation, solved here on {@value #CELLS} cells of K by backward Euler with upwind drift, one solve
 * of a tridiagonal system per step; the factor is p(K, t) / p∞(K), with p∞ the scheme's own steady
 * state (geometric, zero flux between cells), so it is exactly 1 at steady state and every
 * stationary result stands. It is below 1 while the queue fills: when the load creeps past capacity,
 * over about K/(λ − cμ), or with no drift K²/σ² (15²/49 ≈ 5 s on hpa concurrency's 3 replicas of 4
 * slots); the fluid backlog keeps what is not rejected, and it leaves with 503 once it has waited D.
 * Capped at 1: a queue fuller than its steady state (after the load fell or replicas came) is left
 * to the stationary share (uncapped, the suite's windows found fell from 16 to 15).
 * Measured against the discrete-event engine on the suite (`bench engines`): the 503 share moved
 * towards DES's on 14 of the 16 scenarios it changed (the trace replay +33 % → +10 %, calibrate step
 * +9.6 % → +4.4 %, the slowdown ramp +18 % → +11 %; the other two moved away by 0.001 and 0.017
 * points), and DES windows found within 2 s went from 15 to 16 of 42.
 * The waits follow the content the same way ({@link #waitScale}): the stationary waits are those of
 * the steady content, so while the queue fills they are scaled by the content's mean over its steady
 * mean (checked against the mean of the reflected Brownian motion within 3 %: QueueFillTest). A
 * 30-minute max wait at 25 % overload read a mean wait of 1,798 s (the full queue's) where DES's is
 * 14.1 s; now 16.3 s (LongMaxWaitTest); on the suite p99s moved by at most 2.6 %.
 * A run starts with the queue empty. Not applied where K is under {@value #MIN_CONTENT} requests (few slots and a short max wait: a loss
 * system with no queue to fill, where the diffusion is coarse). When K changes (replicas ready or
 * gone) the content is kept and re-gridded. Checked against the eigenfunction expansion of a
 * reflected Brownian motion on an interval and against the fluid fill time (QueueFillTest).
 * Mutable, one thread.
 */
final class QueueFill {
    static final int CELLS = 32;
    static final double MIN_CONTENT = 4;
    /** A top share this small is none: the queue is far below K. */
    private static final double NEGLIGIBLE = 1e-12;

    private final double[] p = new double[CELLS];
    private final double[] scratch = new double[CELLS];
    private final double serviceCv2;
    private final double maxWaitSeconds;
    private final double stepSeconds;
    /** K of the last step (NaN before the first, or where the model is not applied). */
    private double content = Double.NaN;
    /** The last step's factor on the stationary waits ({@link #waitScale}). */
    private double waitScale = 1;

    QueueFill(double serviceCv, double maxWaitSeconds, double stepSeconds) {
        this.serviceCv2 = serviceCv * serviceCv;
        this.maxWaitSeconds = maxWaitSeconds;
        this.stepSeconds = stepSeconds;
    }

    /** The factor on the stationary 503 share after one more step at arrival rate {@code lambda} and capacity {@code capacity} (per second). */
    double advance(double lambda, double capacity) {
        double k = capacity * maxWaitSeconds;
        double variance = lambda + capacity * serviceCv2;
        waitScale = 1;
        if (!(k >= MIN_CONTENT) || !(variance > 0)) {
            content = Double.NaN;
            return 1;
        }
        double h = 1.0 / CELLS;
        double drift = (lambda - capacity) / k;
        double diffusion = variance / (2 * k * k);
        double up = Math.max(drift, 0) + diffusion / h;
        double down = Math.max(-drift, 0) + diffusion / h;
        double top = steadyTop(up / down);
        if (Double.isNaN(content)) {
            // a run starts with an empty queue
            java.util.Arrays.fill(p, 0);
            p[0] = 1;
        } else if (Math.abs(k - content) > 1e-3 * content) {
            regrid(content / k);
        }
        content = k;
        if (top < NEGLIGIBLE && p[CELLS - 1] < NEGLIGIBLE && drift < 0) {
            // far below the rejecting content and draining (most steps of a deployment with room): nothing to follow
            return 1;
        }
        solve(stepSeconds / h * up, stepSeconds / h * down);
        double steadyMean = steadyMeanCell(up / down);
        waitScale = steadyMean > 0 ? Math.min(1, meanCell(p) / steadyMean) : 1;
        return top < NEGLIGIBLE ? 1 : Math.min(1, p[CELLS - 1] / top);
    }

    /**
     * The factor on the stationary waits after the last {@link #advance}: the queue content's mean against its
     * steady mean, capped at 1. A request that joins content x waits about x/(cμ), and the stationary waits are
     * those of the steady content, so while the queue fills its waits are that share of them (a max wait of 30
     * minutes at 25 % overload: the content grows by λ − cμ a second and a request waits t/4 at t, not the 30
     * minutes of the full queue). 1 where the model is not applied or has nothing to follow.
     */
    double waitScale() {
        return waitScale;
    }

    /**
     * The mean cell of a distribution over the cells, the bottom one counted as 0: an empty queue (where a run starts)
     * waits nothing, and at K = cμD of 30 minutes a midpoint would have put 28 s in the empty cell.
     */
    private static double meanCell(double[] cells) {
        double mean = 0;
        double total = 0;
        for (int i = 0; i < CELLS; i++) {
            mean += cells[i] * i;
            total += cells[i];
        }
        return total > 0 ? mean / total : 0;
    }

    /** The mean cell of the scheme's steady state p_i ∝ r^i, summed from the heavier end so that no power overflows. */
    private static double steadyMeanCell(double r) {
        double mean = 0;
        double total = 0;
        double g = 1;
        for (int n = 0; n < CELLS; n++) {
            int i = r > 1 ? CELLS - 1 - n : n;
            mean += g * i;
            total += g;
            g *= r > 1 ? 1 / r : r;
        }
        return mean / total;
    }

    /** The share of the content's probability in the top cell (next to K): for tests. */
    double topShare() {
        return p[CELLS - 1];
    }

    /**
     * The top cell's share in the scheme's steady state, where p_{i+1}/p_i = r = up/down (zero flux between
     * cells): r^{N−1}(1 − r)/(1 − r^N), or (1 − 1/r)/(1 − r^{−N}) above 1, 1/N at 1.
     */
    private static double steadyTop(double r) {
        if (Math.abs(r - 1) < 1e-9) {
            return 1.0 / CELLS;
        }
        if (r > 1) {
            double inverse = 1 / r;
            return (1 - inverse) / (1 - Math.pow(inverse, CELLS));
        }
        return Math.pow(r, CELLS - 1) * (1 - r) / (1 - Math.pow(r, CELLS));
    }

    /** The content kept as K moves: the old grid's cell edges are {@code scale} = K_old / K_new of the new one's. */
    private void regrid(double scale) {
        // the old distribution function at a point of the old grid (0..1), linear within a cell
        double[] cdf = scratch;
        double sum = 0;
        for (int i = 0; i < CELLS; i++) {
            sum += p[i];
            cdf[i] = sum;
        }
        double previous = 0;
        for (int j = 0; j < CELLS; j++) {
            double edge = (j + 1.0) / CELLS / scale;
            double at = j == CELLS - 1 ? 1 : cdfAt(cdf, edge);
            p[j] = Math.max(0, at - previous);
            previous = at;
        }
    }

    private static double cdfAt(double[] cdf, double u) {
        if (u >= 1) {
            return 1;
        }
        double x = u * CELLS;
        int i = (int) x;
        double below = i == 0 ? 0 : cdf[i - 1];
        return below + (cdf[i] - below) * (x - i);
    }

    /**
     * One backward Euler step, in place on p: cell i loses α·p_i upwards and β·p_i downwards and gains α·p_{i−1} and
     * β·p_{i+1} (none through the ends), a tridiagonal system solved by Thomas's algorithm.
     */
    private void solve(double alpha, double beta) {
        double[] c = scratch;
        double diag = 1 + alpha;
        c[0] = -beta / diag;
        p[0] = p[0] / diag;
        for (int i = 1; i < CELLS; i++) {
            diag = 1 + (i < CELLS - 1 ? alpha : 0) + beta;
            double m = diag + alpha * c[i - 1];
            c[i] = i < CELLS - 1 ? -beta / m : 0;
            p[i] = (p[i] + alpha * p[i - 1]) / m;
        }
        for (int i = CELLS - 2; i >= 0; i--) {
            p[i] -= c[i] * p[i + 1];
        }
    }
}
