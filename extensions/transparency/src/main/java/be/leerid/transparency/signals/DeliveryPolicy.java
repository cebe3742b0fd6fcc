package be.leerid.transparency.signals;

import java.time.Duration;

/**
 * When to try a Security Event Token again (RFC 8935 push delivery): accepted (2xx) means done; 400 means the
 * receiver rejected this token for good; anything else (no answer, 5xx, 401/403 while a receiver is being set up)
 * is tried again with a doubling wait, from ten seconds up to an hour, for {@link #PATIENCE}.
 */
public final class DeliveryPolicy {

    public static final Duration PATIENCE = Duration.ofHours(24);
    private static final long FIRST_WAIT_MILLIS = 10_000;
    private static final long LONGEST_WAIT_MILLIS = 3_600_000;

    /** What to do after an answer. */
    public enum Outcome { DELIVERED, REJECTED, RETRY }

    private DeliveryPolicy() {
    }

    /** @param status the HTTP status, or -1 when the receiver did not answer */
    public static Outcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        return status == 400 ? Outcome.REJECTED : Outcome.RETRY;
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public static long waitMillis(int attempts) {
        long wait = FIRST_WAIT_MILLIS << Math.min(Math.max(attempts - 1, 0), 20);
        return Math.min(wait, LONGEST_WAIT_MILLIS);
    }

    /** Whether a token queued at {@code created} is given up at {@code now}. */
    public static boolean givesUp(long created, long now) {
        return now - created >= PATIENCE.toMillis();
    }
}
