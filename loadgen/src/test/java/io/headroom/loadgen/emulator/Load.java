package io.headroom.loadgen.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Bounded open-model load for tests: a fixed count of requests sent at a fixed rate, never waiting for answers. */
final class Load {
    private Load() {
    }

    static <T> List<CompletableFuture<T>> paced(int count, double perSecond, Supplier<CompletableFuture<T>> send) {
        List<CompletableFuture<T>> futures = new ArrayList<>(count);
        long startNanos = System.nanoTime();
        long gapNanos = (long) (1e9 / perSecond);
        for (int i = 0; i < count; i++) {
            long due = startNanos + i * gapNanos;
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            }
            futures.add(send.get());
        }
        return futures;
    }
}
