package io.headroom.planner.scenario;

import java.util.Arrays;

/**
 * How requests reach replicas ({@code service.routing}).
 *
 * <ul>
 *   <li>{@code central-queue}: azureml-fe's router — one FIFO queue in front of every replica; a
 *       request waits there up to {@code maxQueueWait}, then gets 503. The default.</li>
 *   <li>{@code round-robin}, {@code random}, {@code least-in-flight}: a balancer in front of the
 *       replicas (a Kubernetes Service, an ingress) picks a ready replica at once — in turn, uniformly
 *       at random, or the one with the fewest requests in service and waiting (ties: the longest
 *       ready) — and the request waits in that replica's own FIFO queue; a replica whose queue holds
 *       {@code replicaQueueLimit} requests answers 503. The timeout counts from arrival: a request
 *       still waiting at the timeout gets 504 then; one whose wait plus service exceeds it gets 504
 *       at the timeout.</li>
 * </ul>
 *
 * @param mode the routing
 * @param replicaQueueLimit requests one replica holds waiting (per-replica modes); &gt;= 0
 */
public record Routing(Mode mode, int replicaQueueLimit) {
    /** The routing modes, by their scenario names. */
    public enum Mode {
        CENTRAL_QUEUE("central-queue"), ROUND_ROBIN("round-robin"), RANDOM("random"), LEAST_IN_FLIGHT("least-in-flight"),
        /**
         * Knative's data path, set by {@code policy: knative} (not a {@code service.routing} value): the activator
         * holds requests while it is in the path, else the ingress sends them round-robin to the replicas' queue-proxies.
         */
        KNATIVE("knative");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        /** The name in a scenario file. */
        public String key() {
            return key;
        }

        /** The mode named {@code key} that a scenario may choose, or null. */
        public static Mode of(String key) {
            return Arrays.stream(values()).filter(m -> m != KNATIVE && m.key.equals(key)).findFirst().orElse(null);
        }
    }

    /** The default per-replica queue limit: a server's accept backlog of requests beyond its slots. */
    public static final int DEFAULT_REPLICA_QUEUE_LIMIT = 100;

    /** azureml-fe's central queue. */
    public static final Routing CENTRAL = new Routing(Mode.CENTRAL_QUEUE, DEFAULT_REPLICA_QUEUE_LIMIT);

    public Routing {
        if (mode == null) {
            throw new IllegalArgumentException("routing mode must be given");
        }
        if (replicaQueueLimit < 0 || replicaQueueLimit > 1_000_000) {
            throw new IllegalArgumentException("replicaQueueLimit must be within 0..1000000 but was " + replicaQueueLimit);
        }
    }

    /** True for the balancer modes, where each replica has its own queue. */
    public boolean perReplica() {
        return mode != Mode.CENTRAL_QUEUE;
    }
}
