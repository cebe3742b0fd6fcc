package be.leerid.school;

/**
 * Why a person was stopped, as the school sees it behind a reference code: the account's state when
 * the page was shown, which the page itself may not say (a locked account and a wrong password look
 * the same to whoever is at the keyboard).
 */
public enum StopReason {

    LEFT("leeridReasonLeft"),
    LOCKED("leeridReasonLocked"),
    NOT_ACTIVATED("leeridReasonNotActivated"),
    WRONG_CREDENTIALS("leeridReasonWrongCredentials"),
    /** Whatever the page said (a LeerID refusal, no pseudonym...): its own message is the reason. */
    AS_SHOWN(null);

    private final String messageKey;

    StopReason(String messageKey) {
        this.messageKey = messageKey;
    }

    /** @param credentialsError whether the page said "wrong username or password" (or code) */
    public static StopReason of(boolean enabled, boolean locked, boolean learnerWithoutPassword, boolean credentialsError) {
        if (!enabled) {
            return LEFT;
        }
        if (locked) {
            return LOCKED;
        }
        if (learnerWithoutPassword) {
            return NOT_ACTIVATED;
        }
        return credentialsError ? WRONG_CREDENTIALS : AS_SHOWN;
    }

    /** The message key that explains it to the school; for {@link #AS_SHOWN}, the page's own. */
    public String messageKey(String shownKey) {
        return messageKey == null ? shownKey : messageKey;
    }
}
