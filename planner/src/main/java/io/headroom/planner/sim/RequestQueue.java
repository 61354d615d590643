package io.headroom.planner.sim;

/**
 * The router's FIFO queue: a growable ring of (arrival time, service time, handle) triples, at most
 * {@code capacity} long. The service time is nanoseconds, negative ({@code -serviceNanos - 1}) for a
 * request whose scoring function will throw (502); the handle is the driver's name for the request.
 * Mutable; owned by {@link RouterModel}.
 */
final class RequestQueue {
    private final int capacity;
    private long[] arrivals = new long[256];
    private long[] services = new long[256];
    private long[] handles = new long[256];
    private int head;
    private int size;

    RequestQueue(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size >= capacity;
    }

    void add(long arrivalNanos, long encodedService, long handle) {
        if (size == arrivals.length) {
            grow();
        }
        int tail = (head + size) & (arrivals.length - 1);
        arrivals[tail] = arrivalNanos;
        services[tail] = encodedService;
        handles[tail] = handle;
        size++;
    }

    long peekArrival() {
        return arrivals[head];
    }

    long peekService() {
        return services[head];
    }

    long peekHandle() {
        return handles[head];
    }

    void remove() {
        head = (head + 1) & (arrivals.length - 1);
        size--;
    }

    private void grow() {
        int mask = arrivals.length - 1;
        long[] a = new long[arrivals.length * 2];
        long[] s = new long[arrivals.length * 2];
        long[] h = new long[arrivals.length * 2];
        for (int i = 0; i < size; i++) {
            a[i] = arrivals[(head + i) & mask];
            s[i] = services[(head + i) & mask];
            h[i] = handles[(head + i) & mask];
        }
        arrivals = a;
        services = s;
        handles = h;
        head = 0;
    }
}
