package be.leerid.identifiers;

/** Client attributes through which an operator tells LeerID about a service. */
public final class ClientAttributes {

    /** The sector the service's pseudonyms are derived for (a host or domain name); see {@link SectorResolver}. */
    public static final String SECTOR = "leerid.sector";
    /**
     * Set to {@code true} in the same admin update that changes the sector of a service that has received pseudonyms:
     * the change goes through (every pseudonym it knows changes) and the flag is not kept.
     */
    public static final String SECTOR_FORCE = "leerid.sector.force";
    /** Who may use the service: {@code open}, {@code staff} or {@code school}; see {@link ServiceAccess}. */
    public static final String ACCESS = "leerid.access";
    /**
     * Followed by a school's institution number: present (its value the day, yyyy-mm-dd) while that school has
     * activated the service. One attribute per school, so two schools activating at once never overwrite each other.
     */
    public static final String ACTIVATED_BY = "leerid.activated.";
    /** The service's logo on the login page: a file name under the theme's {@code img/services/} (login.ftl reads it). */
    public static final String LOGO = "leerid.logo";
    /**
     * The service's Shared Signals push receiver (RFC 8935): LeerID posts it signed Security Event Tokens about the
     * people the service knows (sessions revoked, account disabled or purged). Set by an operator.
     */
    public static final String SSF_RECEIVER = "leerid.ssf.receiver";

    /** The attribute that says whether this school activated the service. */
    public static String activatedBy(String school) {
        return ACTIVATED_BY + school;
    }

    private ClientAttributes() {
    }
}
