package io.headroom.loadgen.emulator;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler} on a Netty event executor and {@link System#nanoTime()}; time 0 is when it was made. */
final class LoopScheduler implements Scheduler {
    private final EventExecutor loop;
    private final long startNanos = System.nanoTime();

    LoopScheduler(EventExecutor loop) {
        this.loop = loop;
    }

    @Override
    public long nowNanos() {
        return System.nanoTime() - startNanos;
    }

    @Override
    public void scheduleAt(long atNanos, Runnable task) {
        loop.schedule(task, Math.max(0, atNanos - nowNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }
}
