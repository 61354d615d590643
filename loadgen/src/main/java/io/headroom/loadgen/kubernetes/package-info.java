/**
 * Kubernetes as the distributed engine of a load test, without a coordinator: the manifest of an
 * Indexed Job whose N pods each run one segment of the plan from a shared start instant, keeping
 * their outputs for {@code headroom merge}.
 */
package io.headroom.loadgen.kubernetes;
