package io.headroom.planner.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The search's threads. The simulations run on {@link #simulate}'s pool, one thread per core, so that
 * however many searches wait for runs (the targets' searches, the discrete-event runs of the current
 * settings beside them) no more runs than cores share the CPU; the searches themselves only wait, on
 * threads of their own ({@link #map}, {@link #beside}), parked. Before, parallel streams: their caller,
 * out of work, waited for the common pool's tasks by scanning for more (ForkJoinPool's helpComplete), on
 * the CPU (a quarter of the main thread's profile on large-ramp.yaml's screening). A waiting search is
 * never one of the pool's threads, so a run never waits for a run. Daemons: they never keep the JVM alive.
 */
final class Parallel {
    private static final AtomicInteger RUNNERS = new AtomicInteger();
    private static final ExecutorService SIMULATIONS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            runnable -> {
                Thread t = new Thread(runnable, "headroom-run-" + RUNNERS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private Parallel() {
    }

    /** {@code f} of each of {@code items}, in their order, on the simulations' pool; waits for all. */
    static <T, R> List<R> simulate(List<T> items, Function<T, R> f) {
        List<CompletableFuture<R>> runs = new ArrayList<>();
        for (T item : items) {
            runs.add(CompletableFuture.supplyAsync(() -> f.apply(item), SIMULATIONS));
        }
        List<R> out = new ArrayList<>();
        for (CompletableFuture<R> run : runs) {
            out.add(awaited(run));
        }
        return out;
    }

    /** {@code work} on a thread of its own, started now. */
    static <T> CompletableFuture<T> beside(Supplier<T> work, String name) {
        return CompletableFuture.supplyAsync(work, runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** {@code f} of each of {@code items}, in their order: the first on this thread, each other on one of its own (to wait for runs, not to run them). */
    static <T, R> List<R> map(List<T> items, Function<T, R> f) {
        List<CompletableFuture<R>> others = new ArrayList<>();
        for (int i = 1; i < items.size(); i++) {
            T item = items.get(i);
            others.add(beside(() -> f.apply(item), "headroom-search-" + i));
        }
        List<R> out = new ArrayList<>();
        if (!items.isEmpty()) {
            out.add(f.apply(items.get(0)));
        }
        others.forEach(o -> out.add(awaited(o)));
        return out;
    }

    /** Waits for {@code future}; what it threw is thrown here as it was thrown there. */
    static <T> T awaited(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
