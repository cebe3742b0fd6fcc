package be.leerid.transparency;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What the GDPR working group asks to export: the events and release records of one service or one person over a
 * range of days (Belgian calendar days, both included), at most {@link #MAX_DAYS} days, as long as the records are kept.
 *
 * @param service the service's client id, or null
 * @param person  the person's username, or null (exactly one of the two)
 */
public record ExportQuery(String service, String person, LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 400;

    /** A request the export refuses, with the reason in words an operator reads. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    public static ExportQuery parse(String service, String person, String from, String to) {
        boolean hasService = service != null && !service.isBlank();
        boolean hasPerson = person != null && !person.isBlank();
        if (hasService == hasPerson) {
            throw new Refused("give exactly one of service (a client id) and person (a username)");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw new Refused("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new Refused("at most " + MAX_DAYS + " days at a time");
        }
        return new ExportQuery(hasService ? service.trim() : null, hasPerson ? person.trim() : null, first, last);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new Refused(name + " is required (a day, yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Refused(name + " is not a day (yyyy-mm-dd)");
        }
    }
}
