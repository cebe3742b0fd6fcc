package be.leerid.identifiers;

import java.util.Locale;

/**
 * Who a service is for, from its client attribute {@value #ATTRIBUTE}: everyone with a LeerID (the default)
 * or only school staff (Het Archief voor Onderwijs). Decided before anything is issued to the service.
 */
public enum ServiceAudience {
    EVERYONE,
    STAFF;

    public static final String ATTRIBUTE = ClientAttributes.AUDIENCE;

    /** @throws IllegalArgumentException for a value other than empty, {@code everyone} or {@code staff} */
    public static ServiceAudience of(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return EVERYONE;
        }
        return switch (attribute.trim().toLowerCase(Locale.ROOT)) {
            case "everyone" -> EVERYONE;
            case "staff" -> STAFF;
            default -> throw new IllegalArgumentException("client attribute \"" + ATTRIBUTE
                    + "\" must be \"everyone\" or \"staff\", not \"" + attribute + "\"");
        };
    }

    public boolean admits(PersonRecord person) {
        return this == EVERYONE || person.isStaff();
    }
}
