package io.headroom.planner.scenario;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one replica costs per hour it runs (starting or ready), in the user's currency.
 *
 * @param perReplicaHour the price of a replica-hour
 * @param currency what the prices are in ({@code USD}, {@code EUR}, ...), only for labels; empty when not given
 */
public record Cost(double perReplicaHour, Optional<String> currency) {
    /** Hours in an average month (365.25 × 24 / 12), for per-month figures. */
    public static final double HOURS_PER_MONTH = 730.5;

    public Cost {
        if (!(perReplicaHour >= 0) || Double.isInfinite(perReplicaHour)) {
            throw new IllegalArgumentException("cost.perReplicaHour must be >= 0 but was " + perReplicaHour);
        }
        Objects.requireNonNull(currency, "currency");
    }

    /** A cost without a currency label. */
    public Cost(double perReplicaHour) {
        this(perReplicaHour, Optional.empty());
    }

    /** {@code amount} with the currency: {@code 1,234.50 USD}, or {@code 1,234.50} without one. */
    public String amount(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount) + currency.map(c -> " " + c).orElse("");
    }
}
