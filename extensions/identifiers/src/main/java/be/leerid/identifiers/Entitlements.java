package be.leerid.identifiers;

import java.util.List;

/** eduPersonEntitlement values LeerID gives. */
public final class Entitlements {

    /** Access to Het Archief voor Onderwijs, which is for school staff only. */
    public static final String ARCHIEF = "urn:mace:leerid.be:entitlement:archief";
    /** What every active staff member is entitled to. */
    public static final List<String> OF_ACTIVE_STAFF = List.of(ARCHIEF);

    private Entitlements() {
    }
}
