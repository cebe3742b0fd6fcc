package be.leerid.identifiers;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** How a person authenticated: the acr a service sees and Keycloak's level of authentication (realm attribute {@value #REALM_MAP}). */
public enum LevelOfAssurance {

    /** A young learner's QR badge: below a password, never enough for a staff-only service. */
    BADGE("urn:be:leerid:acr:badge", 1),
    PASSWORD("urn:be:leerid:acr:password", 2),
    EID("urn:be:leerid:acr:eid", 3);

    /** The realm attribute that maps acr values to levels. */
    public static final String REALM_MAP = "acr.loa.map";

    private final String acr;
    private final int level;

    LevelOfAssurance(String acr, int level) {
        this.acr = acr;
        this.level = level;
    }

    public String acr() {
        return acr;
    }

    public int level() {
        return level;
    }

    /** What the realm's {@value #REALM_MAP} must say. */
    public static Map<String, Integer> realmMap() {
        return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LevelOfAssurance::acr, LevelOfAssurance::level));
    }
}
