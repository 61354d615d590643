package io.headroom.planner.recommend;

import io.headroom.planner.autoscaler.HpaBehavior;
import io.headroom.planner.autoscaler.HpaScalingPolicy;
import io.headroom.planner.autoscaler.HpaScalingRules;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two behavior knobs a recommendation tries on an hpa: the scale-down stabilization window (a
 * shorter one gives replicas back sooner after a peak) and the scale-up Percent policy per 15 s (a
 * larger one lets a step be followed in fewer syncs). Without a behavior section the HPA takes the
 * legacy path, read here as its 5 min window and 100 % per sync; a change writes a behavior section
 * with upstream's defaults for everything else.
 *
 * @param scaleDownWindow the scale-down stabilization window
 * @param scaleUpPercent the scale-up Percent policy's value, per 15 s
 */
record HpaTuning(Duration scaleDownWindow, int scaleUpPercent) implements Tuning {
    /** The shortest scale-down window tried. */
    static final Duration SHORT_SCALE_DOWN = Duration.ofSeconds(60);
    /** The scale-up Percent tried: four times the replicas per 15 s. */
    static final int FAST_SCALE_UP = 400;
    private static final Duration PERIOD = Duration.ofSeconds(15);

    /** The knobs as {@code spec} has them. */
    static HpaTuning of(HpaSpec spec) {
        return spec.behavior().map(b -> new HpaTuning(b.scaleDown().stabilizationWindow(), b.scaleUp().policies().stream()
                        .filter(p -> p.type() == HpaScalingPolicy.Type.PERCENT).mapToInt(HpaScalingPolicy::value).max().orElse(100)))
                .orElse(new HpaTuning(spec.downscaleStabilization(), 100));
    }

    /** The variants worth trying from here: a shorter scale-down window, a faster scale-up; each alone. */
    @Override
    public List<HpaTuning> variants() {
        List<HpaTuning> out = new ArrayList<>();
        if (scaleDownWindow.compareTo(SHORT_SCALE_DOWN) > 0) {
            out.add(new HpaTuning(SHORT_SCALE_DOWN, scaleUpPercent));
        }
        if (scaleUpPercent < FAST_SCALE_UP) {
            out.add(new HpaTuning(scaleDownWindow, FAST_SCALE_UP));
        }
        return out;
    }

    /** {@code spec} with these knobs; unchanged when they are already its own. */
    HpaSpec applyTo(HpaSpec spec) {
        if (equals(of(spec))) {
            return spec;
        }
        HpaBehavior base = spec.behavior().orElse(new HpaBehavior(HpaScalingRules.DEFAULT_SCALE_UP,
                new HpaScalingRules(spec.downscaleStabilization(), HpaScalingRules.Select.MAX,
                        HpaScalingRules.DEFAULT_SCALE_DOWN.policies())));
        List<HpaScalingPolicy> up = new ArrayList<>();
        base.scaleUp().policies().stream().filter(p -> p.type() == HpaScalingPolicy.Type.PODS).forEach(up::add);
        up.add(new HpaScalingPolicy(HpaScalingPolicy.Type.PERCENT, scaleUpPercent, PERIOD));
        HpaScalingRules scaleUp = new HpaScalingRules(base.scaleUp().stabilizationWindow(),
                base.scaleUp().selectPolicy() == HpaScalingRules.Select.DISABLED ? HpaScalingRules.Select.MAX : base.scaleUp().selectPolicy(),
                up);
        HpaScalingRules scaleDown = new HpaScalingRules(scaleDownWindow, base.scaleDown().selectPolicy(), base.scaleDown().policies());
        return new HpaSpec(spec.minReplicas(), spec.maxReplicas(), spec.initialReplicas(), spec.metric(), spec.syncPeriod(),
                spec.tolerance(), spec.metricWindow(), spec.cpuInitializationPeriod(), spec.downscaleStabilization(),
                Optional.of(new HpaBehavior(scaleUp, scaleDown)));
    }

    /** What differs from {@code from}, in the scenario's keys. */
    @Override
    public List<String> changesFrom(Tuning other) {
        HpaTuning from = (HpaTuning) other;
        List<String> out = new ArrayList<>();
        if (!scaleDownWindow.equals(from.scaleDownWindow)) {
            out.add("behavior.scaleDown.stabilizationWindow " + Durations.format(from.scaleDownWindow) + " → "
                    + Durations.format(scaleDownWindow));
        }
        if (scaleUpPercent != from.scaleUpPercent) {
            out.add("behavior.scaleUp Percent " + from.scaleUpPercent + " → " + scaleUpPercent + " per 15s");
        }
        return out;
    }

    @Override
    public List<String> reasons(Tuning other) {
        HpaTuning from = (HpaTuning) other;
        List<String> out = new ArrayList<>();
        if (scaleDownWindow.compareTo(from.scaleDownWindow) < 0) {
            out.add("a " + Durations.format(scaleDownWindow) + " scale-down window gives replicas back sooner after a peak");
        }
        if (scaleUpPercent > from.scaleUpPercent) {
            out.add("scaling up " + scaleUpPercent + " % per 15s follows a step in fewer syncs");
        }
        return out;
    }

    /** The names of the knobs that differ from {@code from}. */
    @Override
    public List<String> changedSettings(Tuning other) {
        HpaTuning from = (HpaTuning) other;
        List<String> out = new ArrayList<>();
        if (!scaleDownWindow.equals(from.scaleDownWindow)) {
            out.add("behavior.scaleDown");
        }
        if (scaleUpPercent != from.scaleUpPercent) {
            out.add("behavior.scaleUp");
        }
        return out;
    }
}
