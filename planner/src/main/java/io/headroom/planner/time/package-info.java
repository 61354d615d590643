/**
 * Time with units: {@link io.headroom.planner.time.Durations}, the single parser and printer of durations shared by
 * scenario files and the command line, and {@link io.headroom.planner.time.Clock}, the single printer of a time since
 * the start of a run ({@code m:ss}, {@code h:mm:ss} from an hour on).
 */
package io.headroom.planner.time;
