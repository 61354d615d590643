package io.headroom.planner.recommend;

import java.util.Locale;
import java.util.Objects;

/**
 * A configuration as the recommendation presents it: its evaluation, what it changes from the
 * current settings, and why, in the seed documentation's terms.
 *
 * @param evaluation the configuration judged under every seed
 * @param changes what differs from the current configuration ({@code no change} for the current one)
 * @param reason one line, derived from the numbers
 * @param replicaHoursDelta mean replica-hours minus the current configuration's
 * @param costDelta mean cost minus the current configuration's; null without a cost per replica-hour
 */
public record Alternative(Evaluation evaluation, String changes, String reason, double replicaHoursDelta, Double costDelta) {
    public Alternative {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(reason, "reason");
    }

    public Config config() {
        return evaluation.config();
    }

    /** What it costs against the current settings: {@code cost +2.51}, or {@code +1.20 replica-hours} without a price. */
    public String deltaText() {
        return costDelta != null ? String.format(Locale.ROOT, "cost %+.2f", costDelta)
                : String.format(Locale.ROOT, "%+.2f replica-hours", replicaHoursDelta);
    }
}
