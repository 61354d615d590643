package io.headroom.planner.sim;

import java.util.Arrays;

/**
 * The router's FIFO queue: a growable ring of (arrival time, service time) pairs in nanoseconds.
 * A negative service time marks a request whose scoring function will throw (502). Mutable; engine-only.
 */
final class RequestQueue {
    private long[] arrivals = new long[256];
    private long[] services = new long[256];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long arrivalNanos, long serviceNanos) {
        if (size == arrivals.length) {
            grow();
        }
        int tail = (head + size) & (arrivals.length - 1);
        arrivals[tail] = arrivalNanos;
        services[tail] = serviceNanos;
        size++;
    }

    long peekArrival() {
        return arrivals[head];
    }

    long peekService() {
        return services[head];
    }

    void remove() {
        head = (head + 1) & (arrivals.length - 1);
        size--;
    }

    private void grow() {
        long[] a = new long[arrivals.length * 2];
        long[] s = new long[arrivals.length * 2];
        for (int i = 0; i < size; i++) {
            a[i] = arrivals[(head + i) & (arrivals.length - 1)];
            s[i] = services[(head + i) & (arrivals.length - 1)];
        }
        arrivals = a;
        services = s;
        head = 0;
        Arrays.fill(a, size, a.length, 0);
    }
}
