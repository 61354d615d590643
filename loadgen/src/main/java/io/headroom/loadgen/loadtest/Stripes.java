package io.headroom.loadgen.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the requests of one arrival plan are dealt to several injectors: k6's execution-segment
 * striping (grafana/k6 {@code lib/execution_segment.go}, {@code NewExecutionSegmentSequenceWrapper}
 * and {@code ScaleInt64}), restated for integer weights. The segments have lengths
 * {@code weight / sum(weights)}; with their least common denominator {@code lcd}, every block of
 * {@code lcd} consecutive request indexes gives each segment exactly its numerator's worth, spread
 * as evenly as possible (the largest segments choose first). So the segments' shares are exact
 * integers that always add up to the whole, and the union of the segments is the plan itself,
 * request for request. Equal weights give every N-th request to each: request j goes to j mod N.
 *
 * <p>Immutable; the striping of one block is computed once, {@code O(lcd × segments)}.
 */
public final class Stripes {
    /** The largest block the striping is computed for (lcd = sum of the reduced weights). */
    public static final int MAX_LCD = 1_000_000;

    private final long lcd;
    /** owner[k]: which segment request index k (mod lcd) belongs to. */
    private final int[] owner;
    /** positions[s]: the indexes in [0, lcd) segment s owns, ascending. */
    private final int[][] positions;

    private Stripes(long[] weights) {
        long divisor = 0;
        for (long w : weights) {
            divisor = gcd(divisor, w);
        }
        long[] numerators = new long[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            numerators[i] = weights[i] / divisor;
            total += numerators[i];
        }
        if (total > MAX_LCD) {
            throw new IllegalArgumentException("the weights' reduced sum must be <= " + MAX_LCD + " but was " + total);
        }
        this.lcd = total;
        Integer[] sorted = new Integer[weights.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        // stable: equal segments keep their order
        Arrays.sort(sorted, (a, b) -> Long.compare(numerators[b], numerators[a]));
        long[] chosen = new long[weights.length];
        owner = new int[(int) lcd];
        List<List<Integer>> owned = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            owned.add(new ArrayList<>());
        }
        for (int k = 0; k < lcd; k++) {
            for (int rank = 0; rank < sorted.length; rank++) {
                int segment = sorted[rank];
                long num = chosen[rank] * lcd;
                long denom = numerators[segment];
                // a segment takes index k when k has reached its next ideal position chosen × lcd / numerator
                if (denom > 0 && (k > num / denom || (k == num / denom && num % denom == 0))) {
                    chosen[rank]++;
                    owner[k] = segment;
                    owned.get(segment).add(k);
                    break;
                }
            }
        }
        positions = new int[weights.length][];
        for (int s = 0; s < weights.length; s++) {
            positions[s] = owned.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Segments with these relative weights (each > 0), in this order. */
    public static Stripes weighted(long... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one segment is needed");
        }
        for (long w : weights) {
            if (w <= 0) {
                throw new IllegalArgumentException("a segment's weight must be > 0 but was " + w);
            }
        }
        return new Stripes(weights.clone());
    }

    /** {@code count} equal segments. */
    public static Stripes equal(int count) {
        long[] weights = new long[count];
        Arrays.fill(weights, 1);
        return weighted(weights);
    }

    public int segments() {
        return positions.length;
    }

    /** The length of one striping block: after it the pattern repeats. */
    public long lcd() {
        return lcd;
    }

    /** Which segment owns request {@code index} (0-based) of the plan. */
    public int owner(long index) {
        return owner[(int) (index % lcd)];
    }

    /** The first request index segment {@code s} owns (k6's {@code start}). */
    public long start(int s) {
        return positions[s][0];
    }

    /**
     * The gaps from each index segment {@code s} owns to its next, over one block (k6's
     * {@code offsets}: they sum to {@code lcd}).
     */
    public long[] offsets(int s) {
        int[] p = positions[s];
        long[] gaps = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            gaps[i] = i + 1 < p.length ? p[i + 1] - p[i] : p[0] + lcd - p[i];
        }
        return gaps;
    }

    /** How many of the first {@code value} requests segment {@code s} owns (k6's {@code ScaleInt64}); the shares sum to value. */
    public long share(int s, long value) {
        long whole = value / lcd * positions[s].length;
        long rest = value % lcd;
        int[] p = positions[s];
        int n = 0;
        while (n < p.length && p[n] < rest) {
            n++;
        }
        return whole + n;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
