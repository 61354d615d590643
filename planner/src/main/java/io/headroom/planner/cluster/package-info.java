/** Node pools and replica resource requests: how many replicas fit, and what the scheduler says when they do not. */
package io.headroom.planner.cluster;
