package be.leerid.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import be.leerid.identifiers.Affiliation;
import be.leerid.identifiers.Entitlements;
import be.leerid.identifiers.SchoolPlace;

import static be.leerid.identifiers.UserAttributes.AFFILIATION;
import static be.leerid.identifiers.UserAttributes.BIRTHDATE;
import static be.leerid.identifiers.UserAttributes.CLASS;
import static be.leerid.identifiers.UserAttributes.ENROLMENT;
import static be.leerid.identifiers.UserAttributes.ENTITLEMENT;
import static be.leerid.identifiers.UserAttributes.GRADE;
import static be.leerid.identifiers.UserAttributes.LEERID;
import static be.leerid.identifiers.UserAttributes.MEMBER_UNTIL;
import static be.leerid.identifiers.UserAttributes.NRN_HASH;
import static be.leerid.identifiers.UserAttributes.SCHOOL;
import static be.leerid.identifiers.UserAttributes.SCHOOL_ROLE;
import static be.leerid.identifiers.UserAttributes.STAFF_ID;

/**
 * What a person's LeerID account must look like after a sync, derived from their register row
 * alone ({@link Standing}: active, between schools within their {@link EnrolmentGrace}, or a leaver). Register
 * attributes only ({@link be.leerid.identifiers.UserAttributes#FROM_FEED_ROW}): whatever
 * else the account holds is left alone.
 */
public record DesiredAccount(String leerid, String givenName, String familyName, boolean active,
                             Map<String, List<String>> attributes) {

    /**
     * @param nrnHash keyed hash of a national register number; the number itself is never stored
     */
    public static DesiredAccount of(RegisterRecord record, LocalDate today, EnrolmentGrace grace, UnaryOperator<String> nrnHash) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(LEERID, List.of(record.leerid()));
        Standing standing = record.standingOn(today, grace);
        if (standing == Standing.BETWEEN_SCHOOLS) {
            // Between schools: still a member of LeerID, with no school, grade, class, role or entitlement.
            attributes.put(AFFILIATION, List.of(Affiliation.MEMBER));
            attributes.put(MEMBER_UNTIL, List.of(grace.leaverFrom(record.lastEndBy(today)).minusDays(1).toString()));
            if (record instanceof RegisterRecord.Learner learner) {
                attributes.put(BIRTHDATE, List.of(learner.birthDate().toString()));
            } else if (record instanceof RegisterRecord.Staff staff) {
                attributes.put(STAFF_ID, List.of(staff.staffId()));
                attributes.put(NRN_HASH, List.of(nrnHash.apply(staff.nationalRegisterNumber())));
            }
        } else if (record instanceof RegisterRecord.Learner learner) {
            List<Enrolment> active = learner.enrolments().stream().filter(e -> e.activeOn(today)).toList();
            attributes.put(AFFILIATION, Affiliation.LEARNER);
            attributes.put(SCHOOL, active.stream().map(Enrolment::school).distinct().toList());
            attributes.put(ENROLMENT, active.stream().map(e -> SchoolPlace.enrolmentValue(e.school(), e.grade(), e.schoolClass()))
                    .distinct().toList());
            active.stream().findFirst().ifPresent(first -> {
                putIfPresent(attributes, GRADE, first.grade());
                putIfPresent(attributes, CLASS, first.schoolClass());
            });
            attributes.put(BIRTHDATE, List.of(learner.birthDate().toString()));
        } else if (record instanceof RegisterRecord.Staff staff) {
            List<Assignment> active = staff.assignments().stream().filter(a -> a.activeOn(today)).toList();
            LinkedHashSet<String> affiliations = new LinkedHashSet<>();
            active.forEach(a -> affiliations.add(a.role().affiliation()));
            affiliations.add(Affiliation.EMPLOYEE);
            affiliations.add(Affiliation.MEMBER);
            attributes.put(AFFILIATION, List.copyOf(affiliations));
            attributes.put(SCHOOL, active.stream().map(Assignment::school).distinct().toList());
            attributes.put(SCHOOL_ROLE, active.stream().map(a -> a.role().at(a.school())).distinct().toList());
            attributes.put(STAFF_ID, List.of(staff.staffId()));
            if (!active.isEmpty()) {
                attributes.put(ENTITLEMENT, Entitlements.OF_ACTIVE_STAFF);
            }
            attributes.put(NRN_HASH, List.of(nrnHash.apply(staff.nationalRegisterNumber())));
        }
        attributes.values().removeIf(List::isEmpty);
        return new DesiredAccount(record.leerid(), record.givenName(), record.familyName(), standing != Standing.LEFT,
                Map.copyOf(attributes));
    }

    private static void putIfPresent(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, List.of(value));
        }
    }
}
