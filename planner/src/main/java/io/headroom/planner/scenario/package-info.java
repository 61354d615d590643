/**
 * The scenario file as records, and its loader: YAML or JSON, validated once at load, every error
 * naming file, line and column, the rule and the value.
 */
package io.headroom.planner.scenario;
