package io.headroom.planner.sim;

import io.headroom.planner.scenario.Routing;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The per-replica side of {@link RouterModel} for a balancer in front of the replicas
 * ({@link Routing#perReplica()}): each ready replica has its busy slots and its own FIFO queue; the
 * balancer picks one of the active (ready) replicas for each arrival. A replica that stops being ready
 * (scale-down, most recently ready first) leaves the balancer but finishes what it holds and what
 * waits in its queue, as a terminating pod does; its id is reused once it is empty. Slot-free times
 * are kept in a heap with their replica, so the driver's "a slot freed now" finds its replica.
 * Mutable; owned by {@link RouterModel}.
 */
final class ReplicaQueues {
    private final Routing.Mode mode;
    private final int concurrency;
    private final int queueLimit;
    private final SplittableRandom random;

    private int[] busy = new int[16];
    private RequestQueue[] queues = new RequestQueue[16];
    private boolean[] terminating = new boolean[16];
    /** Ids of the replicas the balancer uses, oldest ready first. */
    private int[] active = new int[16];
    private int activeCount;
    private int[] free = new int[16];
    private int freeCount;
    private int nextId;
    private int turn;
    private long[] heapTimes = new long[64];
    private int[] heapIds = new int[64];
    private int heapSize;
    private long queued;
    /** Every queued request in arrival order (arrival, replica): the order their timeouts come in. */
    private long[] waitingArrivals = new long[64];
    private int[] waitingIds = new int[64];
    private int waitingHead;
    private int waitingSize;

    ReplicaQueues(Routing routing, int concurrency, SplittableRandom random) {
        this.mode = routing.mode();
        this.queueLimit = routing.replicaQueueLimit();
        this.concurrency = concurrency;
        this.random = random;
    }

    /** Requests waiting in all replicas' queues. */
    long queued() {
        return queued;
    }

    /** The replica the balancer sends the next request to, or -1 when no replica is ready. */
    int choose() {
        if (activeCount == 0) {
            return -1;
        }
        switch (mode) {
            case ROUND_ROBIN, KNATIVE -> {
                turn = turn >= activeCount - 1 ? 0 : turn + 1;
                return active[turn];
            }
            case RANDOM -> {
                return active[random.nextInt(activeCount)];
            }
            case LEAST_IN_FLIGHT -> {
                int best = active[0];
                long fewest = busy[best] + (long) queues[best].size();
                for (int i = 1; i < activeCount; i++) {
                    int id = active[i];
                    long inFlight = busy[id] + (long) queues[id].size();
                    if (inFlight < fewest) {
                        fewest = inFlight;
                        best = id;
                    }
                }
                return best;
            }
            default -> throw new IllegalStateException("not a per-replica routing: " + mode);
        }
    }

    /** The first replica the balancer uses (oldest ready first) with a free slot, or -1. */
    int freeSlotReplica() {
        for (int i = 0; i < activeCount; i++) {
            if (busy[active[i]] < concurrency) {
                return active[i];
            }
        }
        return -1;
    }

    /** Whether replica {@code id} still takes new requests (it is ready, not terminating). */
    boolean accepting(int id) {
        return !terminating[id];
    }

    boolean hasFreeSlot(int id) {
        return busy[id] < concurrency;
    }

    boolean queueFull(int id) {
        return queues[id].size() >= queueLimit;
    }

    RequestQueue queue(int id) {
        return queues[id];
    }

    void enqueue(int id, long arrivalNanos, long encodedService, long handle) {
        queues[id].add(arrivalNanos, encodedService, handle);
        queued++;
        if (waitingSize == waitingArrivals.length) {
            long[] a = new long[waitingSize * 2];
            int[] r = new int[waitingSize * 2];
            for (int i = 0; i < waitingSize; i++) {
                a[i] = waitingArrivals[(waitingHead + i) % waitingArrivals.length];
                r[i] = waitingIds[(waitingHead + i) % waitingArrivals.length];
            }
            waitingArrivals = a;
            waitingIds = r;
            waitingHead = 0;
        }
        int tail = (waitingHead + waitingSize) % waitingArrivals.length;
        waitingArrivals[tail] = arrivalNanos;
        waitingIds[tail] = id;
        waitingSize++;
    }

    /**
     * The replica whose queue head is the oldest request still waiting anywhere, or -1; entries of
     * requests that have started since are dropped on the way (each replica's queue is FIFO, so a
     * waiting request is always at or behind its replica's head).
     */
    int oldestWaiting() {
        while (waitingSize > 0) {
            int id = waitingIds[waitingHead];
            RequestQueue q = queues[id];
            if (!q.isEmpty() && q.peekArrival() == waitingArrivals[waitingHead]) {
                return id;
            }
            waitingHead = (waitingHead + 1) % waitingArrivals.length;
            waitingSize--;
        }
        return -1;
    }

    void dequeued() {
        queued--;
    }

    /** Requests replica {@code id} is serving now. */
    int busy(int id) {
        return busy[id];
    }

    /** Replica {@code id} starts a request whose slot frees at {@code endNanos}. */
    void occupy(int id, long endNanos) {
        busy[id]++;
        if (heapSize == heapTimes.length) {
            heapTimes = Arrays.copyOf(heapTimes, heapSize * 2);
            heapIds = Arrays.copyOf(heapIds, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapTimes[parent] <= endNanos) {
                break;
            }
            heapTimes[i] = heapTimes[parent];
            heapIds[i] = heapIds[parent];
            i = parent;
        }
        heapTimes[i] = endNanos;
        heapIds[i] = id;
    }

    /** The earliest slot-free time's replica; its slot is free again. */
    int completion() {
        int id = heapIds[0];
        heapSize--;
        long lastTime = heapTimes[heapSize];
        int lastId = heapIds[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heapTimes[child + 1] < heapTimes[child]) {
                child++;
            }
            if (heapTimes[child] >= lastTime) {
                break;
            }
            heapTimes[i] = heapTimes[child];
            heapIds[i] = heapIds[child];
            i = child;
        }
        heapTimes[i] = lastTime;
        heapIds[i] = lastId;
        busy[id]--;
        return id;
    }

    /** A terminating replica that holds nothing any more is gone, and its id free. */
    void release(int id) {
        if (terminating[id] && busy[id] == 0 && queues[id].isEmpty()) {
            terminating[id] = false;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = id;
        }
    }

    /** The balancer uses {@code ready} replicas: new ones join, the most recently ready leave first. */
    void resize(int ready) {
        while (activeCount < ready) {
            int id = freeCount > 0 ? free[--freeCount] : newId();
            if (activeCount == active.length) {
                active = Arrays.copyOf(active, activeCount * 2);
            }
            active[activeCount++] = id;
        }
        while (activeCount > ready) {
            int id = active[--activeCount];
            terminating[id] = true;
            release(id);
        }
        if (turn >= activeCount) {
            turn = Math.max(0, activeCount - 1);
        }
    }

    private int newId() {
        int id = nextId++;
        if (id == busy.length) {
            busy = Arrays.copyOf(busy, id * 2);
            queues = Arrays.copyOf(queues, id * 2);
            terminating = Arrays.copyOf(terminating, id * 2);
        }
        queues[id] = new RequestQueue(Integer.MAX_VALUE);
        return id;
    }
}
