package be.leerid.identifiers;

/**
 * LeerID cannot give a service a pseudonym for this login. Nothing may be issued.
 *
 * <p>{@link #getMessage()} is for administrators and logs: it names the realm or client, never the
 * person. {@link Reason#messageKey()} is the theme message the person sees.
 */
public final class SubjectUnavailableException extends RuntimeException {

    public enum Reason {
        /** The person has no LeerID: they are not in the register (yet). */
        NO_LEERID("leeridNoLeerid"),
        /** The realm's pseudonym key is missing from the vault or unusable. */
        NO_KEY("leeridServiceUnavailable"),
        /** The client's sector cannot be decided. */
        NO_SECTOR("leeridServiceMisconfigured"),
        /** Another client setting LeerID relies on is invalid. */
        MISCONFIGURED("leeridServiceMisconfigured"),
        /** The service is for school staff only and the person is not staff (a learner at the archive). */
        STAFF_ONLY("leeridStaffOnly"),
        /** The service is one schools choose, and none of the person's schools activated it. */
        NOT_ACTIVATED("leeridNotActivated");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public SubjectUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
