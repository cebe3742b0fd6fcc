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

    /** Whether the person is enrolled or employed on that day; if not, they have left. */
    boolean activeOn(LocalDate day);

    record Learner(String leerid, String givenName, String familyName, LocalDate birthDate,
                   List<Enrolment> enrolments) implements RegisterRecord {

        public Learner {
            enrolments = List.copyOf(enrolments);
        }

        @Override
        public boolean activeOn(LocalDate day) {
            return enrolments.stream().anyMatch(e -> e.activeOn(day));
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
        public String toString() {
            // Never print a national register number, not even by accident.
            return "Staff[staffId=" + staffId + "]";
        }
    }
}
