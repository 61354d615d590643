package io.headroom.planner.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The search's own threads. A parallel stream's caller that runs out of work waits for the common pool's
 * tasks by scanning for more (ForkJoinPool's helpComplete), on the CPU: profiled on large-ramp.yaml's
 * screening, the main thread spent a quarter of its samples there, a core's worth of time taken from the
 * simulations on a 2-core machine. These threads wait by parking. Daemons: they never keep the JVM alive.
 */
final class Parallel {
    private Parallel() {
    }

    /** {@code work} on a thread of its own, started now. */
    static <T> CompletableFuture<T> beside(Supplier<T> work, String name) {
        return CompletableFuture.supplyAsync(work, runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** {@code f} of each of {@code items}, in their order: the first on this thread, each other on one of its own. */
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
