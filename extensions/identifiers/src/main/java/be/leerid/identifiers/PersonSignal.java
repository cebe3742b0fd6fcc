package be.leerid.identifiers;

/**
 * What happened to a person that the services which know them hear of through Shared Signals (OpenID SSF 1.0, CAEP
 * and RISC event types), each service under the pseudonym it knows.
 */
public enum PersonSignal {

    /** Every session of the person ended at their request ("log out everywhere"). */
    SESSIONS_REVOKED("https://schemas.openid.net/secevent/caep/event-type/session-revoked"),
    /** The register says the person left: the account is disabled. */
    ACCOUNT_DISABLED("https://schemas.openid.net/secevent/risc/event-type/account-disabled"),
    /** The account was deleted (retention after leaving, or by an operator). */
    ACCOUNT_PURGED("https://schemas.openid.net/secevent/risc/event-type/account-purged"),
    /**
     * The register merged the person's record into another one (the continuity issue): the service's pseudonym for
     * this record is replaced by the surviving record's, given as the event's {@code new-value}.
     */
    IDENTIFIER_CHANGED("https://schemas.openid.net/secevent/risc/event-type/identifier-changed");

    private final String eventType;

    PersonSignal(String eventType) {
        this.eventType = eventType;
    }

    /** The event type URI in a Security Event Token's {@code events} claim. */
    public String eventType() {
        return eventType;
    }
}
