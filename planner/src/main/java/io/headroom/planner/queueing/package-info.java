/**
 * Closed-form queueing formulas for a pool of identical servers (replica concurrency slots) fed by
 * Poisson arrivals: Erlang B (loss), Erlang C (M/M/c wait), the Allen–Cunneen correction for
 * service-time variability, and M/M/c+D (Boots &amp; Tijms), the router queue that rejects a request
 * whose wait would exceed a maximum. Everything is pure, works in doubles, uses no factorials and
 * stays numerically stable for thousands of servers. Times are seconds, rates per second; the
 * names say so.
 */
package io.headroom.planner.queueing;
