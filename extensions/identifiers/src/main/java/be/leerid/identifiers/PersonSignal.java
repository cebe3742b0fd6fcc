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
    ACCOUNT_PURGED("https://schemas.openid.net/secevent/risc/event-type/account-purged");

    private final String eventType;

    PersonSignal(String eventType) {
        this.eventType = eventType;
    }

    /** The event type URI in a Security Event Token's {@code events} claim. */
    public String eventType() {
        return eventType;
    }
}
