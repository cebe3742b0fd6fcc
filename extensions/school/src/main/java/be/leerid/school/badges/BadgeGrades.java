package be.leerid.school.badges;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grades of one school whose learners log in with a QR badge. Until the school chooses, the
 * {@link #DEFAULT}: kindergarten ({@code K1} to {@code K3}) and the first two grades of primary ({@code 1},
 * {@code 2}), the register's grade codes of primary education; secondary grades ({@code S1} to {@code S7})
 * never by default.
 */
public record BadgeGrades(Set<String> grades) {

    public static final BadgeGrades DEFAULT = new BadgeGrades(Set.of("K1", "K2", "K3", "1", "2"));
    /** Written when a school chooses no grade at all, so "none" is not read back as "not chosen yet". */
    static final String NONE = "-";

    public BadgeGrades {
        grades = Set.copyOf(grades);
    }

    public static BadgeGrades of(Collection<String> chosen) {
        return new BadgeGrades(chosen.stream().map(String::strip).filter(g -> !g.isEmpty() && !g.equals(NONE))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** As stored; {@code null} (never chosen) gives the default. */
    public static BadgeGrades stored(String value) {
        return value == null ? DEFAULT : of(Arrays.asList(value.split(",")));
    }

    public String storable() {
        return grades.isEmpty() ? NONE : grades.stream().sorted().collect(Collectors.joining(","));
    }

    public boolean uses(String grade) {
        return grade != null && grades.contains(grade);
    }
}
