package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.dist.DurationSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The replica bookkeeping follows the simulator's rules: capacity, pending, crash-looping, scale-down order. */
class ReplicaSetTest {
    private static final long SECOND = 1_000_000_000L;
    private static final DurationSampler ONE_SECOND = random -> SECOND;

    @Test
    void initialReplicasBeyondTheClusterArePending() {
        ReplicaSet set = new ReplicaSet(5, 3, ONE_SECOND, 0, new SplittableRandom(1));
        assertEquals(3, set.ready());
        assertEquals(2, set.pending());
        assertEquals(0, set.pendingSinceNanos());
        assertEquals(5, set.desired());
    }

    @Test
    void newReplicasStartAndBecomeReadyAfterTheirStartup() {
        ReplicaSet set = new ReplicaSet(1, Long.MAX_VALUE, ONE_SECOND, 0, new SplittableRandom(1));
        List<Long> readyAt = new ArrayList<>();
        set.scaleTo(3, 5 * SECOND, readyAt::add);
        assertEquals(List.of(6 * SECOND, 6 * SECOND), readyAt);
        assertEquals(2, set.notReady());
        assertEquals(0, set.promoteDue(6 * SECOND - 1));
        assertEquals(2, set.promoteDue(6 * SECOND));
        assertEquals(3, set.ready());
    }

    @Test
    void readyAgesAreKeptAndScaleDownRemovesTheMostRecentlyReadyFirst() {
        ReplicaSet set = new ReplicaSet(1, Long.MAX_VALUE, ONE_SECOND, 0, new SplittableRandom(1));
        set.scaleTo(2, 0, t -> { });
        set.promoteDue(SECOND);
        set.scaleTo(3, 10 * SECOND, t -> { });
        set.promoteDue(11 * SECOND);
        assertEquals(3, set.ready());
        assertEquals(1, set.readySinceAtMost(0), "only the warm replica was ready at 0");
        assertEquals(2, set.readySinceAtMost(5 * SECOND));
        assertEquals(3, set.readySinceAtMost(11 * SECOND));
        set.scaleTo(2, 20 * SECOND, t -> { });
        assertEquals(2, set.readySinceAtMost(5 * SECOND), "the replica ready since 11 s went first");
        assertEquals(2, set.readySinceAtMost(20 * SECOND));
    }

    @Test
    void aFullClusterLeavesReplicasPendingUntilAScaleDownFreesANode() {
        ReplicaSet set = new ReplicaSet(1, 2, ONE_SECOND, 0, new SplittableRandom(1));
        set.scaleTo(4, SECOND, t -> { });
        assertEquals(1, set.startingOnly());
        assertEquals(2, set.pending());
        assertEquals(SECOND, set.pendingSinceNanos());
        set.scaleTo(2, 2 * SECOND, t -> { });
        assertEquals(0, set.pending(), "pending ones go first");
        assertEquals(-1, set.pendingSinceNanos());
        assertEquals(2, set.placed());
    }

    @Test
    void scaleDownRemovesCrashLoopingThenTheLatestStartingThenReady() {
        long[] startups = {3 * SECOND, SECOND, 2 * SECOND};
        int[] next = {0};
        DurationSampler varying = random -> startups[next[0]++ % startups.length];
        ReplicaSet set = new ReplicaSet(2, Long.MAX_VALUE, varying, 0, new SplittableRandom(1));
        set.scaleTo(5, 0, t -> { });
        assertEquals(SECOND, set.nextReadyAtNanos());
        set.scaleTo(3, 0, t -> { });
        assertEquals(1, set.startingOnly(), "the two that would be ready latest (3 s, 2 s) are gone");
        assertEquals(SECOND, set.nextReadyAtNanos());
        set.scaleTo(1, 0, t -> { });
        assertEquals(0, set.startingOnly());
        assertEquals(1, set.ready());
    }

    @Test
    void failedStartupsCrashLoopAndAreRemovedBeforeStartingOnes() {
        ReplicaSet set = new ReplicaSet(1, Long.MAX_VALUE, ONE_SECOND, 1.0, new SplittableRandom(1));
        set.scaleTo(3, 0, t -> { throw new AssertionError("a crash-looping replica never becomes ready"); });
        assertEquals(2, set.crashLooping());
        assertEquals(2, set.notReady());
        set.scaleTo(2, 0, t -> { });
        assertEquals(1, set.crashLooping());
        assertEquals(1, set.ready());
    }
}
