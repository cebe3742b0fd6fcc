package be.leerid.identifiers;

/** Realm roles LeerID's endpoints require. */
public final class RealmRoles {

    /** May push register feeds to {@code /realms/<realm>/register-sync/feed} (the register-sync client). */
    public static final String REGISTER_SYNC = "register-sync";
    /** May list registered service providers and suspend them at {@code /realms/<realm>/leerid-providers}. */
    public static final String ONBOARDING_OPERATOR = "leerid-onboarding-operator";

    /**
     * The ministry's operators: may read the school console's actions, Keycloak admin events, through the
     * admin API ({@code /admin/realms/<realm>/admin-events}); a composite of realm-management's view-events.
     */
    public static final String AUDIT = "leerid-audit";

    /**
     * The GDPR working group: may export, for a service or a person and a range of days, the events and the release
     * record at {@code /realms/<realm>/leerid-gdpr-export} (JSON Lines).
     */
    public static final String GDPR_EXPORT = "leerid-gdpr-export";

    private RealmRoles() {
    }
}
