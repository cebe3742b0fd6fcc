package be.leerid.school;

/**
 * Keycloak's temporary lockout rule (its {@code DefaultBruteForceProtector}), applied to a typed username that has no
 * account: failures older than the reset time are forgotten; from {@code failureFactor} failures on, the name waits
 * {@code waitIncrement} seconds per run of failures (or per failure past the factor, {@code linear}), at most
 * {@code maxWait}; two failures quicker than the quick-login check wait the minimum quick-login time. A name without
 * an account then locks exactly when an account would, so "too many attempts" tells nobody which names exist.
 */
public record UnknownNameLockout(int failureFactor, int waitIncrementSeconds, int maxWaitSeconds, long quickLoginCheckMillis,
        int minimumQuickLoginWaitSeconds, long maxDeltaSeconds, boolean linear) {

    /** A name's failures: how many, the last (epoch milliseconds), and the second before which it waits. */
    public record Failures(int count, long lastFailure, long notBeforeSeconds) {

        public static final Failures NONE = new Failures(0, 0, 0);

        public boolean waits(long now) {
            return notBeforeSeconds * 1000L > now;
        }
    }

    /** The name's failures after one more at {@code now}. */
    public Failures failed(Failures before, long now) {
        long sinceLast = before.lastFailure() > 0 ? now - before.lastFailure() : 0;
        boolean forgotten = sinceLast > maxDeltaSeconds * 1000L;
        int count = (forgotten ? 0 : before.count()) + 1;
        long notBefore = forgotten ? 0 : before.notBeforeSeconds();
        long wait = failureFactor <= 0 ? 0
                : linear ? (long) waitIncrementSeconds * (1 + count - failureFactor)
                : (long) waitIncrementSeconds * (count / failureFactor);
        if (wait <= 0 && before.lastFailure() > 0 && sinceLast < quickLoginCheckMillis) {
            wait = minimumQuickLoginWaitSeconds;
        }
        if (wait > 0) {
            notBefore = now / 1000 + Math.min(maxWaitSeconds, wait);
        }
        return new Failures(count, now, notBefore);
    }
}
