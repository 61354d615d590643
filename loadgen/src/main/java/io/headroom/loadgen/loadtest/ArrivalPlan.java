package io.headroom.loadgen.loadtest;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.traffic.ArrivalStream;
import java.util.Arrays;

/**
 * The request times of a load test: exactly the arrivals the simulator draws for the scenario and
 * its seed, so predicted and observed runs see the same requests at the same instants.
 */
public final class ArrivalPlan {
    /** Seconds with more requests than this are injected in 100 ms slices rather than all at the second's start. */
    static final int SLICE_ABOVE_REQUESTS_PER_SECOND = 500;
    /** Gatling chains injection steps recursively: about 30,000 overflow the stack, so slicing stops well below. */
    static final int MAX_SLICES = 12_000;

    private final long[] arrivalNanos;
    private final int[] perSecond;
    private final PlanSegment segment;
    private final int wholeRequests;
    private final String wholeSha256;
    private final long sliceNanos;
    private final int[] perSlice;

    private ArrivalPlan(long[] arrivalNanos, int seconds, PlanSegment segment, int wholeRequests, String wholeSha256) {
        this.arrivalNanos = arrivalNanos;
        this.segment = segment;
        this.wholeRequests = wholeRequests;
        this.wholeSha256 = wholeSha256;
        this.perSecond = new int[seconds];
        for (long t : arrivalNanos) {
            perSecond[(int) (t / 1_000_000_000L)]++;
        }
        int busiest = java.util.Arrays.stream(perSecond).max().orElse(0);
        this.sliceNanos = busiest > SLICE_ABOVE_REQUESTS_PER_SECOND && seconds * 10L <= MAX_SLICES ? 100_000_000L : 1_000_000_000L;
        this.perSlice = new int[(int) (seconds * (1_000_000_000L / sliceNanos))];
        for (long t : arrivalNanos) {
            perSlice[(int) (t / sliceNanos)]++;
        }
    }

    public static ArrivalPlan of(Scenario scenario) {
        ArrivalStream stream = Simulator.arrivals(scenario);
        // Sized for the expected count plus six standard deviations, so a large plan is not copied while it grows
        // (its size was bounded at load: --max-requests).
        double expected = scenario.traffic().expectedRequests();
        long[] times = new long[(int) Math.min(Integer.MAX_VALUE - 16, expected + 6 * Math.sqrt(expected) + 1024)];
        int n = 0;
        for (long t = stream.nextNanos(); t != Long.MAX_VALUE; t = stream.nextNanos()) {
            if (n == times.length) {
                if (n >= Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("a load test plan holds at most " + n + " requests");
                }
                times = Arrays.copyOf(times, (int) Math.min(Integer.MAX_VALUE - 16, n * 2L));
            }
            times[n++] = t;
        }
        return new ArrivalPlan(Arrays.copyOf(times, n), scenario.traffic().seconds(), PlanSegment.WHOLE, n, null);
    }

    /**
     * This (whole) plan's share for {@code part}: the requests {@link PlanSegment#stripes()} gives
     * it, at their own times. The union of a plan's N segments is the plan, request for request.
     */
    public ArrivalPlan segment(PlanSegment part) {
        if (!segment.whole()) {
            throw new IllegalStateException("a segment is cut from the whole plan, not from segment " + segment);
        }
        Stripes stripes = part.stripes();
        long[] mine = new long[(int) stripes.share(part.index(), arrivalNanos.length)];
        int n = 0;
        for (int i = 0; i < arrivalNanos.length; i++) {
            if (stripes.owner(i) == part.index()) {
                mine[n++] = arrivalNanos[i];
            }
        }
        return new ArrivalPlan(mine, perSecond.length, part, arrivalNanos.length, sha256());
    }

    /** Which share of the whole plan this is ({@link PlanSegment#WHOLE} for the whole plan). */
    public PlanSegment part() {
        return segment;
    }

    /** Requests in the whole plan this one was cut from (its own {@link #requests()} when whole). */
    public int wholeRequests() {
        return wholeRequests;
    }

    /**
     * SHA-256 (hex) of the whole plan: its length in seconds and every arrival time in nanoseconds,
     * as big-endian longs. Segments of one plan carry the same value, so a merge can check that they
     * belong together whatever the scenario file looked like.
     */
    public String sha256() {
        if (wholeSha256 != null) {
            return wholeSha256;
        }
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8 * 4096);
            buffer.putLong(perSecond.length);
            for (long t : arrivalNanos) {
                if (!buffer.hasRemaining()) {
                    digest.update(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putLong(t);
            }
            digest.update(buffer.array(), 0, buffer.position());
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Requests in the plan. */
    public int requests() {
        return arrivalNanos.length;
    }

    /** When request {@code index} (0-based, in time order) is due, in nanoseconds since the start. */
    public long arrivalNanos(int index) {
        return arrivalNanos[index];
    }

    /** Seconds the plan covers. */
    public int seconds() {
        return perSecond.length;
    }

    /**
     * The injection slice: 1 s, or 100 ms for high rates, so that a second's users are not all
     * created in one burst at its start (which delays the early ones).
     */
    public long sliceNanos() {
        return sliceNanos;
    }

    /** Slices the plan covers. */
    public int slices() {
        return perSlice.length;
    }

    /** Requests due in slice {@code index}. */
    public int requestsInSlice(int index) {
        return perSlice[index];
    }

    /** Requests due in {@code second}. */
    public int requestsIn(int second) {
        return perSecond[second];
    }
}
