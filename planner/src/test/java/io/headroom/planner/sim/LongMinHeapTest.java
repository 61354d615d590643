package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LongMinHeap} against the JDK's {@link PriorityQueue} under the engine's use: mostly monotone times (each added
 * at or after the last polled one, many equal), interleaved with polls, growing past its first array, and emptied.
 */
class LongMinHeapTest {
    @Test
    void pollsInTheOrderOfAPriorityQueue() {
        SplittableRandom random = new SplittableRandom(7);
        LongMinHeap heap = new LongMinHeap();
        PriorityQueue<Long> reference = new PriorityQueue<>();
        long now = 0;
        for (int i = 0; i < 200_000; i++) {
            boolean add = reference.isEmpty() || (i < 150_000 ? random.nextInt(100) < 52 : random.nextInt(100) < 30);
            if (add) {
                long value = now + (random.nextInt(4) == 0 ? 0 : random.nextLong(1_000));
                heap.add(value);
                reference.add(value);
            } else {
                assertEquals(reference.peek().longValue(), heap.peek(), "peek at " + i);
                now = heap.poll();
                assertEquals(reference.poll().longValue(), now, "poll at " + i);
            }
            assertEquals(reference.size(), heap.size());
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.poll().longValue(), heap.poll());
        }
        assertTrue(heap.isEmpty());
        assertEquals(Long.MAX_VALUE, heap.peek(), "empty");
    }
}
