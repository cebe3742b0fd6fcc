package be.leerid.register;

import java.time.LocalDate;

/** A learner's enrolment at one school; {@code end} is null while it lasts. */
public record Enrolment(String school, String grade, String schoolClass, LocalDate start, LocalDate end) {

    public boolean activeOn(LocalDate day) {
        return !start.isAfter(day) && (end == null || end.isAfter(day));
    }
}
