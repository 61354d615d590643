package io.headroom.loadgen.emulator;

/**
 * The router's clock and timers: Netty's event loop on the wall clock ({@link LoopScheduler}), or a
 * virtual clock in tests, so the same {@link Router} runs in both. Every task runs on one thread,
 * the router's; tasks due at the same instant run in the order they were scheduled.
 */
interface Scheduler {
    /** Time since the endpoint started, nanoseconds. */
    long nowNanos();

    /** Runs {@code task} on the router thread at {@code atNanos}, or as soon as possible after it. */
    void scheduleAt(long atNanos, Runnable task);

    /** Runs {@code task} on the router thread as soon as possible (from any thread). */
    void execute(Runnable task);
}
