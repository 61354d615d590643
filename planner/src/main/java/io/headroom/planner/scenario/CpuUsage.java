package io.headroom.planner.scenario;

/**
 * What a replica's CPU use looks like to metrics-server, for an HPA on CPU: {@code idleCores} while
 * it serves nothing, plus {@code perBusySlotCores} for each request it is serving. A replica's CPU
 * utilization is that over its CPU request ({@code resources.cpu}). The default is a replica that
 * uses exactly its request when every slot is busy and nothing when idle: per busy slot
 * {@code cpu / concurrency}, idle 0.
 *
 * @param perBusySlotCores cores one request in service uses; &gt;= 0
 * @param idleCores cores a replica uses with no request in service; &gt;= 0
 */
public record CpuUsage(double perBusySlotCores, double idleCores) {
    public CpuUsage {
        if (!(perBusySlotCores >= 0) || Double.isInfinite(perBusySlotCores)) {
            throw new IllegalArgumentException("cpuUsage.perBusySlot must be >= 0 cores but was " + perBusySlotCores);
        }
        if (!(idleCores >= 0) || Double.isInfinite(idleCores)) {
            throw new IllegalArgumentException("cpuUsage.idle must be >= 0 cores but was " + idleCores);
        }
    }

    /** The default: all slots busy use exactly the CPU request. */
    public static CpuUsage fullRequest(double cpuRequest, int concurrency) {
        return new CpuUsage(cpuRequest / concurrency, 0);
    }
}
