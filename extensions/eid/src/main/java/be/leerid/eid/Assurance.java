package be.leerid.eid;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import be.leerid.identifiers.LevelOfAssurance;

/**
 * Maps how the gateway says a person authenticated ({@code acr}) to LeerID's levels of authentication:
 * the configured eID-level means give {@link #EID_LEVEL}, anything else {@link #PASSWORD_LEVEL}.
 */
public final class Assurance {

    /** The lowest level (a badge): an eID login satisfies it and every level up to its own. */
    public static final int LOWEST_LEVEL = LevelOfAssurance.BADGE.level();
    /** Keycloak level of authentication for a password login. */
    public static final int PASSWORD_LEVEL = LevelOfAssurance.PASSWORD.level();
    /** Keycloak level of authentication for an eID-level login. */
    public static final int EID_LEVEL = LevelOfAssurance.EID.level();

    private final Set<String> eidLevelAcrs;

    private Assurance(Set<String> eidLevelAcrs) {
        this.eidLevelAcrs = eidLevelAcrs;
    }

    /** @param eidLevelAcrs gateway acr values, separated by whitespace or commas */
    public static Assurance of(String eidLevelAcrs) {
        Set<String> acrs = eidLevelAcrs == null ? Set.of() : Arrays.stream(eidLevelAcrs.split("[\\s,]+"))
                .filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
        if (acrs.isEmpty()) {
            throw new IllegalArgumentException("at least one eID-level acr value is required");
        }
        return new Assurance(acrs);
    }

    public int level(String gatewayAcr) {
        return gatewayAcr != null && eidLevelAcrs.contains(gatewayAcr) ? EID_LEVEL : PASSWORD_LEVEL;
    }
}
