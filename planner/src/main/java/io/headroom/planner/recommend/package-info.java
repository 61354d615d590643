/**
 * Recommendations: the cheapest autoscaler and cluster settings (minReplicas, targetUtilization,
 * maxReplicas, nodes per pool; the replica count of a static policy) under which a scenario meets
 * its SLOs in every one of several seeded runs. {@link io.headroom.planner.recommend.Recommender}
 * searches with the simulator, bounded by the sizing formulas and using monotonicity (more warm
 * replicas, a higher cap or more nodes never reject more) to bisect rather than sweep; results are
 * records, ranked deterministically whatever the thread scheduling.
 */
package io.headroom.planner.recommend;
