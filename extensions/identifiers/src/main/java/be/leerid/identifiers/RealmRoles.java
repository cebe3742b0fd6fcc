package be.leerid.identifiers;

/** Realm roles LeerID's endpoints require. */
public final class RealmRoles {

    /** May push register feeds to {@code /realms/<realm>/register-sync/feed} (the register-sync client). */
    public static final String REGISTER_SYNC = "register-sync";
    /** May list registered service providers and suspend them at {@code /realms/<realm>/leerid-providers}. */
    public static final String ONBOARDING_OPERATOR = "leerid-onboarding-operator";

    private RealmRoles() {
    }
}
