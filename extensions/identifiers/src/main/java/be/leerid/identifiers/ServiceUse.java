package be.leerid.identifiers;

import java.time.LocalDate;

/**
 * How many of a school's people logged in to a service on a day: each person counted once a day per service (the
 * day the release record first records them), under every school the service may see them at. No personal data.
 *
 * @param service the client's internal id
 */
public record ServiceUse(String service, String school, LocalDate day, int people) {
}
