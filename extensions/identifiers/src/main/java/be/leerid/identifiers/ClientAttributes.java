package be.leerid.identifiers;

/** Client attributes through which an operator tells LeerID about a service. */
public final class ClientAttributes {

    /** The sector the service's pseudonyms are derived for (a host or domain name); see {@link SectorResolver}. */
    public static final String SECTOR = "leerid.sector";
    /** Who the service is for; see {@link ServiceAudience}. */
    public static final String AUDIENCE = "leerid.audience";
    /** The service's logo on the login page: a file name under the theme's {@code img/services/} (login.ftl reads it). */
    public static final String LOGO = "leerid.logo";

    private ClientAttributes() {
    }
}
