/**
 * The capacity review: {@link io.headroom.reports.CapacityReport} turns a simulated run (and,
 * optionally, an observed one) into one self-contained {@code report.html} — verdict first, then the
 * inputs, sizing, charts, 503 windows with what would have prevented them, and the modelling
 * assumptions — plus a PNG of each chart. The page needs no network and no JavaScript; every
 * user-supplied string goes through {@link io.headroom.reports.Html#escape}; the same input gives
 * the same bytes.
 */
package io.headroom.reports;
