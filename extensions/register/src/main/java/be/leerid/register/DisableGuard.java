package be.leerid.register;

/**
 * Refuses a sync that would disable more than a share of all accounts: a broken export must not
 * lock out a whole region on a Monday morning. An operator who means it passes {@code force}.
 */
public record DisableGuard(double maxShare) {

    public static final double DEFAULT_MAX_SHARE = 0.05;

    public DisableGuard {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the share of accounts a sync may disable must be between 0 and 1");
        }
    }

    public boolean allows(long disables, long accounts, boolean force) {
        return force || disables <= Math.floor(accounts * maxShare);
    }
}
