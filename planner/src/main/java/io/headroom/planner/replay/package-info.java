/**
 * {@code headroom autoscaler replay}: a scenario's autoscaler run on observed metrics, one row per
 * controller sync, through the same calculator, controller and policies the simulator uses.
 */
package io.headroom.planner.replay;
