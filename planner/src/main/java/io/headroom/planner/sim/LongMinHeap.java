package io.headroom.planner.sim;

import java.util.Arrays;

/**
 * A binary min-heap of primitive longs (times in nanoseconds), growing as needed. Mutable; used
 * inside the engine only, where boxing every completion time would dominate the cost of a request.
 */
final class LongMinHeap {
    private long[] items = new long[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The smallest item, or {@link Long#MAX_VALUE} when empty. */
    long peek() {
        return size == 0 ? Long.MAX_VALUE : items[0];
    }

    void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = items[parent];
            if (p <= value) {
                break;
            }
            items[i] = p;
            i = parent;
        }
        items[i] = value;
    }

    long poll() {
        long top = items[0];
        long last = items[--size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = items[child];
            int right = child + 1;
            if (right < size && items[right] < c) {
                child = right;
                c = items[right];
            }
            if (last <= c) {
                break;
            }
            items[i] = c;
            i = child;
        }
        items[i] = last;
        return top;
    }
}
