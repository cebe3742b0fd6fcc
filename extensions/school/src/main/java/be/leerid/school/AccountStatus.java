package be.leerid.school;

/** An account's state as a school sees it in the console. */
public enum AccountStatus {

    /** The register created it; no password yet (a letter may be on its way). */
    NOT_ACTIVATED,
    ACTIVE,
    /** Brute-force protection holds it; the school can unlock it. */
    LOCKED,
    /** The register ended it (the date is shown). */
    LEFT;

    public static AccountStatus of(boolean enabled, boolean hasPassword, boolean locked) {
        if (!enabled) {
            return LEFT;
        }
        if (locked) {
            return LOCKED;
        }
        return hasPassword ? ACTIVE : NOT_ACTIVATED;
    }

    /** The message key of the status's name in the theme's bundles. */
    public String messageKey() {
        return switch (this) {
            case NOT_ACTIVATED -> "leeridSchoolStatusNotActivated";
            case ACTIVE -> "leeridSchoolStatusActive";
            case LOCKED -> "leeridSchoolStatusLocked";
            case LEFT -> "leeridSchoolStatusLeft";
        };
    }
}
