/** Durations with units: the single parser and printer shared by scenario files and the command line. */
package io.headroom.planner.time;
