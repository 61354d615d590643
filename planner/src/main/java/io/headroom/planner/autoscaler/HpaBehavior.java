package io.headroom.planner.autoscaler;

/**
 * An HPA's {@code spec.behavior}: scale-up and scale-down rules. A scenario that gives one direction
 * gets upstream's default for the other.
 */
public record HpaBehavior(HpaScalingRules scaleUp, HpaScalingRules scaleDown) {
    /** The defaults autoscaling/v2 fills in for a non-nil behavior. */
    public static final HpaBehavior DEFAULT = new HpaBehavior(HpaScalingRules.DEFAULT_SCALE_UP, HpaScalingRules.DEFAULT_SCALE_DOWN);

    public HpaBehavior {
        if (scaleUp == null || scaleDown == null) {
            throw new IllegalArgumentException("behavior needs scaleUp and scaleDown rules");
        }
    }
}
