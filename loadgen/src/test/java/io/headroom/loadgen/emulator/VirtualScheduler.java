package io.headroom.loadgen.emulator;

import java.util.PriorityQueue;

/** A {@link Scheduler} on a virtual clock for tests: tasks run in (time, scheduling order), time jumps from task to task. */
final class VirtualScheduler implements Scheduler {
    private record Task(long atNanos, long sequence, Runnable run) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int byTime = Long.compare(atNanos, o.atNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public void scheduleAt(long atNanos, Runnable task) {
        tasks.add(new Task(Math.max(atNanos, nowNanos), sequence++, task));
    }

    @Override
    public void execute(Runnable task) {
        scheduleAt(nowNanos, task);
    }

    /** Runs every task due up to {@code untilNanos}, in order; later tasks stay queued. */
    void runUntil(long untilNanos) {
        while (!tasks.isEmpty() && tasks.peek().atNanos() <= untilNanos) {
            Task t = tasks.poll();
            nowNanos = t.atNanos();
            t.run().run();
        }
        nowNanos = untilNanos;
    }
}
