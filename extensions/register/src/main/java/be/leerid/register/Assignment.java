package be.leerid.register;

import be.leerid.identifiers.SchoolRole;

import java.time.LocalDate;

/** A staff member's role at one school; {@code end} is null while it lasts. */
public record Assignment(String school, SchoolRole role, LocalDate start, LocalDate end) {

    public boolean activeOn(LocalDate day) {
        return !start.isAfter(day) && (end == null || end.isAfter(day));
    }
}
