package io.headroom.planner.sim;

import java.util.Arrays;

/**
 * A min-heap of primitive longs (times in nanoseconds), growing as needed: 4-ary, half the depth of a binary
 * one, each node's children side by side. Mutable; used inside the engine only, where boxing every completion
 * time would dominate the cost of a request.
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
            int parent = (i - 1) >>> 2;
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
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int end = Math.min(first + 4, size);
            int child = first;
            long c = items[first];
            for (int k = first + 1; k < end; k++) {
                long v = items[k];
                if (v < c) {
                    c = v;
                    child = k;
                }
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
