package io.headroom.planner.recommend;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two Knative knobs a recommendation tries besides min, max and target: {@code
 * targetBurstCapacity -1} keeps the activator in the path, so a burst waits in its one shared queue
 * for the first free slot instead of overflowing a replica's queue-proxy (fewer 503s, at no replica
 * cost); a {@value #SHORT_STABLE_SECONDS} s {@code stableWindow} follows the load down sooner after
 * a peak (fewer replica-hours; the panic window stays within it).
 *
 * @param targetBurstCapacity Knative's targetBurstCapacity (-1: the activator always in the path)
 * @param stableWindow the stable window
 */
record KnativeTuning(double targetBurstCapacity, Duration stableWindow) implements Tuning {
    static final long SHORT_STABLE_SECONDS = 30;

    static KnativeTuning of(KnativeSpec spec) {
        return new KnativeTuning(spec.targetBurstCapacity(), spec.stableWindow());
    }

    @Override
    public List<KnativeTuning> variants() {
        List<KnativeTuning> out = new ArrayList<>();
        if (targetBurstCapacity != -1) {
            out.add(new KnativeTuning(-1, stableWindow));
        }
        if (stableWindow.getSeconds() > SHORT_STABLE_SECONDS) {
            out.add(new KnativeTuning(targetBurstCapacity, Duration.ofSeconds(SHORT_STABLE_SECONDS)));
        }
        return out;
    }

    /** {@code spec} with these knobs (its panic window kept within the stable window). */
    KnativeSpec applyTo(KnativeSpec spec) {
        Duration panic = spec.panicWindow().compareTo(stableWindow) > 0 ? stableWindow : spec.panicWindow();
        return new KnativeSpec(spec.minReplicas(), spec.maxReplicas(), spec.initialReplicas(), spec.containerConcurrency(),
                spec.target(), spec.targetUtilization(), targetBurstCapacity, stableWindow, panic, spec.panicThreshold(),
                spec.maxScaleUpRate(), spec.maxScaleDownRate(), spec.scaleDownDelay(), spec.activationScale(),
                spec.scaleToZeroGracePeriod(), spec.tickInterval(), spec.timeout());
    }

    @Override
    public List<String> changesFrom(Tuning from) {
        KnativeTuning f = (KnativeTuning) from;
        List<String> out = new ArrayList<>();
        if (targetBurstCapacity != f.targetBurstCapacity) {
            out.add("targetBurstCapacity " + plain(f.targetBurstCapacity) + " → " + plain(targetBurstCapacity));
        }
        if (!stableWindow.equals(f.stableWindow)) {
            out.add("stableWindow " + Durations.format(f.stableWindow) + " → " + Durations.format(stableWindow));
        }
        return out;
    }

    @Override
    public List<String> reasons(Tuning from) {
        KnativeTuning f = (KnativeTuning) from;
        List<String> out = new ArrayList<>();
        if (targetBurstCapacity == -1 && f.targetBurstCapacity != -1) {
            out.add("targetBurstCapacity -1 keeps the activator in the path, so a burst waits in one queue for the first free slot");
        }
        if (stableWindow.compareTo(f.stableWindow) < 0) {
            out.add("stableWindow " + Durations.format(stableWindow) + " follows the load down sooner after a peak");
        }
        return out;
    }

    @Override
    public List<String> changedSettings(Tuning from) {
        KnativeTuning f = (KnativeTuning) from;
        List<String> out = new ArrayList<>();
        if (targetBurstCapacity != f.targetBurstCapacity) {
            out.add("targetBurstCapacity");
        }
        if (!stableWindow.equals(f.stableWindow)) {
            out.add("stableWindow");
        }
        return out;
    }

    private static String plain(double v) {
        return io.headroom.planner.sizing.HumanFormat.plain(v);
    }
}
