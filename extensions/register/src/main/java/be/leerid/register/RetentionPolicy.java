package be.leerid.register;

import java.time.LocalDate;

/** How long an account stays, disabled, after its person left the register; then it is deleted. */
public record RetentionPolicy(int days) {

    public static final int DEFAULT_DAYS = 365;

    public RetentionPolicy {
        if (days < 0) {
            throw new IllegalArgumentException("the retention period cannot be negative");
        }
    }

    /** Accounts whose person left before this day are due for deletion. */
    public LocalDate cutoff(LocalDate today) {
        return today.minusDays(days);
    }
}
