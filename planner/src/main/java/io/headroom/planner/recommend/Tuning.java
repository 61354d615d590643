package io.headroom.planner.recommend;

import java.util.List;

/**
 * A policy's own knobs beyond min, max and target that a recommendation tries: an hpa's behavior
 * ({@link HpaTuning}), Knative's burst capacity and stable window ({@link KnativeTuning}). Each
 * variant changes one knob; {@code changesFrom} and {@code changedSettings} compare with the same kind.
 */
sealed interface Tuning permits HpaTuning, KnativeTuning {
    /** The variants worth trying from here, each changing one knob. */
    List<? extends Tuning> variants();

    /** What differs from {@code from} (the same kind), in the scenario's keys. */
    List<String> changesFrom(Tuning from);

    /** Why each knob that differs from {@code from} helps, one phrase each. */
    List<String> reasons(Tuning from);

    /** The names of the knobs that differ from {@code from} (the same kind). */
    List<String> changedSettings(Tuning from);
}
