package be.leerid.identifiers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** LeerID counts days (release days, enrolment ends, leavers' days) in Belgian time, whatever the server's zone. */
public final class BelgianDays {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private BelgianDays() {
    }

    /** The Belgian day of an instant (pass Keycloak's clock, which tests can move). */
    public static LocalDate of(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZONE);
    }
}
