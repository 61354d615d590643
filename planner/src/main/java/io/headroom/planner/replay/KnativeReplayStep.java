package io.headroom.planner.replay;

/**
 * One Knative decider tick replayed.
 *
 * @param timeSeconds the tick's time, seconds since the start
 * @param desired the count the deployment would be set to: the decider's value after scale-to-zero and min/max
 * @param wanted what the averages alone asked for, before rate limits and holds
 * @param excessBurstCapacity the decider's excess burst capacity (-1 when targetBurstCapacity is -1)
 * @param panic whether the decider is in panic mode after this tick
 * @param limit what kept {@code desired} from {@code wanted}
 */
public record KnativeReplayStep(double timeSeconds, int desired, long wanted, int excessBurstCapacity, boolean panic, String limit) {
}
