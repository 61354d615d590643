/**
 * What a run produced, predicted or observed alike: per-second timeline rows, 503 windows and their
 * causes, latency summaries, SLO verdicts, and their file formats (timeline.csv, windows.csv,
 * summary.json). Lives in planner so that reports never need the load generator.
 */
package io.headroom.planner.timeline;
