package io.headroom.planner.timeline;

/**
 * Something worth telling that happened at one second of a run, with a Kubernetes-style reason
 * (e.g. {@code FailedScheduling}, {@code CrashLoopBackOff}).
 */
public record RunEvent(int second, String reason, String message) {
}
