package be.leerid.identifiers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A pseudonym a service knew for a person before the register merged two of its records into one: the service
 * receives it next to the surviving pseudonym ({@link Claim#FORMER_SUBJECT_CLAIM}) for {@link #MONTHS_KEPT} months, so
 * it can move the merged record's data. Kept on the surviving account as {@code <service> <pseudonym> <until>}
 * ({@link UserAttributes#FORMER_SUBJECT}).
 *
 * @param service the client's internal id
 * @param until   the last day the service receives it
 */
public record FormerSubject(String service, String pseudonym, LocalDate until) {

    public static final int MONTHS_KEPT = 12;

    public FormerSubject {
        if (service == null || service.isBlank() || service.contains(" ") || pseudonym == null || pseudonym.isBlank()
                || pseudonym.contains(" ") || until == null) {
            throw new IllegalArgumentException("a former subject needs a service, a pseudonym and a last day");
        }
    }

    /** A former subject that a merge on {@code day} keeps for {@link #MONTHS_KEPT} months. */
    public static FormerSubject keptFrom(String service, String pseudonym, LocalDate day) {
        return new FormerSubject(service, pseudonym, day.plusMonths(MONTHS_KEPT));
    }

    public String value() {
        return service + " " + pseudonym + " " + until;
    }

    /** The stored value, or empty if it is not one (an administrator's edit). */
    public static Optional<FormerSubject> parse(String value) {
        String[] parts = value == null ? new String[0] : value.split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FormerSubject(parts[0], parts[1], LocalDate.parse(parts[2])));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code service} still receives it on {@code day}. */
    public boolean shownTo(String service, LocalDate day) {
        return this.service.equals(service) && !until.isBefore(day);
    }
}
