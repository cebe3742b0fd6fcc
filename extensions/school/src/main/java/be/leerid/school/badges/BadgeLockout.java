package be.leerid.school.badges;

/**
 * Brute-force protection of one badge, by the realm's own settings: after {@code failureFactor} wrong tries the
 * badge waits {@code waitIncrement} seconds per such run of failures, at most {@code maxWait}; the right code
 * does not help while it waits. Unknown badges count the same way, so a refusal says nothing about which exist.
 */
public record BadgeLockout(int failureFactor, int waitIncrementSeconds, int maxWaitSeconds) {

    /** Until when (epoch milliseconds) the badge waits after {@code failures} failures, the last at {@code lastFailure}. */
    public long lockedUntil(int failures, long lastFailure) {
        if (failureFactor <= 0 || failures < failureFactor) {
            return 0;
        }
        long wait = Math.min((long) waitIncrementSeconds * (failures / failureFactor), maxWaitSeconds);
        return lastFailure + Math.max(wait, 1) * 1000;
    }

    public boolean locked(int failures, long lastFailure, long now) {
        return now < lockedUntil(failures, lastFailure);
    }
}
