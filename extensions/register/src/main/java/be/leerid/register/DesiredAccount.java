package be.leerid.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import be.leerid.identifiers.PersonRecord;

/**
 * What a person's LeerID account must look like after a sync, derived from their register row
 * alone. Register attributes only: whatever else the account holds is left alone.
 */
public record DesiredAccount(String leerid, String givenName, String familyName, boolean active,
                             Map<String, List<String>> attributes) {

    /**
     * User attribute names written by the sync (declared admin-only in the realm's user profile).
     * Those the claims are made of are the identifiers module's, so both read the same attributes.
     */
    public static final String LEERID = PersonRecord.LEERID;
    public static final String AFFILIATION = PersonRecord.AFFILIATION;
    public static final String SCHOOL = PersonRecord.SCHOOL;
    public static final String GRADE = PersonRecord.GRADE;
    public static final String CLASS = PersonRecord.CLASS;
    public static final String BIRTHDATE = "birthdate";
    public static final String STAFF_ID = PersonRecord.STAFF_ID;
    public static final String NRN_HASH = PersonRecord.NRN_HASH;
    public static final String SCHOOL_ROLE = "school_role";
    /** Set when the register says the person left; drives the retention period. */
    public static final String LEFT_ON = "left_on";
    public static final String ENTITLEMENT = PersonRecord.ENTITLEMENT;
    /** What every active staff member is entitled to: Het Archief voor Onderwijs is for staff only. */
    public static final List<String> STAFF_ENTITLEMENTS = List.of("urn:mace:leerid.be:entitlement:archief");

    /** Every register attribute a sync may set; a missing one in {@link #attributes} is removed. */
    public static final List<String> REGISTER_ATTRIBUTES = List.of(LEERID, AFFILIATION, SCHOOL, GRADE, CLASS, BIRTHDATE,
            STAFF_ID, NRN_HASH, SCHOOL_ROLE, ENTITLEMENT);

    /**
     * @param nrnHash keyed hash of a national register number; the number itself is never stored
     */
    public static DesiredAccount of(RegisterRecord record, LocalDate today, UnaryOperator<String> nrnHash) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(LEERID, List.of(record.leerid()));
        if (record instanceof RegisterRecord.Learner learner) {
            List<Enrolment> active = learner.enrolments().stream().filter(e -> e.activeOn(today)).toList();
            attributes.put(AFFILIATION, List.of("student", "member"));
            attributes.put(SCHOOL, active.stream().map(Enrolment::school).distinct().toList());
            active.stream().findFirst().ifPresent(first -> {
                putIfPresent(attributes, GRADE, first.grade());
                putIfPresent(attributes, CLASS, first.schoolClass());
            });
            attributes.put(BIRTHDATE, List.of(learner.birthDate().toString()));
        } else if (record instanceof RegisterRecord.Staff staff) {
            List<Assignment> active = staff.assignments().stream().filter(a -> a.activeOn(today)).toList();
            LinkedHashSet<String> affiliations = new LinkedHashSet<>();
            active.forEach(a -> affiliations.add(a.role().affiliation()));
            affiliations.add("employee");
            affiliations.add("member");
            attributes.put(AFFILIATION, List.copyOf(affiliations));
            attributes.put(SCHOOL, active.stream().map(Assignment::school).distinct().toList());
            attributes.put(SCHOOL_ROLE, active.stream().map(a -> a.role().feedName() + "@" + a.school()).distinct().toList());
            attributes.put(STAFF_ID, List.of(staff.staffId()));
            if (!active.isEmpty()) {
                attributes.put(ENTITLEMENT, STAFF_ENTITLEMENTS);
            }
            attributes.put(NRN_HASH, List.of(nrnHash.apply(staff.nationalRegisterNumber())));
        }
        attributes.values().removeIf(List::isEmpty);
        return new DesiredAccount(record.leerid(), record.givenName(), record.familyName(), record.activeOn(today),
                Map.copyOf(attributes));
    }

    private static void putIfPresent(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, List.of(value));
        }
    }
}
