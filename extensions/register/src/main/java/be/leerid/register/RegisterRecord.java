package be.leerid.register;

import java.time.LocalDate;
import java.util.List;

import be.leerid.identifiers.LeerIds;

/** One valid person row of a feed. */
public sealed interface RegisterRecord permits RegisterRecord.Learner, RegisterRecord.Staff {

    /** The person's longitudinal identifier in LeerID: see {@link LeerIds}. */
    String leerid();

    String givenName();

    String familyName();

    /** Whether the person is enrolled or employed on that day. */
    boolean activeOn(LocalDate day);

    /** The latest end (first day no longer there) of an enrolment or assignment that ended on or before {@code day}; null if none. */
    LocalDate lastEndBy(LocalDate day);

    default Standing standingOn(LocalDate day, EnrolmentGrace grace) {
        if (activeOn(day)) {
            return Standing.ACTIVE;
        }
        LocalDate end = lastEndBy(day);
        return end != null && day.isBefore(grace.leaverFrom(end)) ? Standing.BETWEEN_SCHOOLS : Standing.LEFT;
    }

    private static LocalDate latest(java.util.stream.Stream<LocalDate> ends, LocalDate day) {
        return ends.filter(end -> end != null && !end.isAfter(day)).max(LocalDate::compareTo).orElse(null);
    }

    /**
     * @param replaces LeerIDs the register merged into this one (feed version 2): their accounts join this one
     */
    record Learner(String leerid, String givenName, String familyName, LocalDate birthDate,
                   List<Enrolment> enrolments, List<String> replaces) implements RegisterRecord {

        public Learner {
            enrolments = List.copyOf(enrolments);
            replaces = List.copyOf(replaces);
        }

        public Learner(String leerid, String givenName, String familyName, LocalDate birthDate, List<Enrolment> enrolments) {
            this(leerid, givenName, familyName, birthDate, enrolments, List.of());
        }

        @Override
        public boolean activeOn(LocalDate day) {
            return enrolments.stream().anyMatch(e -> e.activeOn(day));
        }

        @Override
        public LocalDate lastEndBy(LocalDate day) {
            return latest(enrolments.stream().map(Enrolment::end), day);
        }
    }

    record Staff(String staffId, String nationalRegisterNumber, String givenName, String familyName,
                 List<Assignment> assignments) implements RegisterRecord {

        public Staff {
            assignments = List.copyOf(assignments);
        }

        @Override
        public String leerid() {
            return LeerIds.ofStaff(staffId);
        }

        @Override
        public boolean activeOn(LocalDate day) {
            return assignments.stream().anyMatch(a -> a.activeOn(day));
        }

        @Override
        public LocalDate lastEndBy(LocalDate day) {
            return latest(assignments.stream().map(Assignment::end), day);
        }

        @Override
        public String toString() {
            // Never print a national register number, not even by accident.
            return "Staff[staffId=" + staffId + "]";
        }
    }
}
