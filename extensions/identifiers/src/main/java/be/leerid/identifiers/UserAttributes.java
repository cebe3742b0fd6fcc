package be.leerid.identifiers;

import java.util.List;

/**
 * Names of the user attributes the registers fill, as declared (admin-only) in the realm's user profile.
 * The register sync writes them; claims, the eID link and every later module read them.
 */
public final class UserAttributes {

    public static final String LEERID = "leerid";
    public static final String AFFILIATION = "affiliation";
    public static final String SCHOOL = "school";
    public static final String ENTITLEMENT = "entitlement";
    public static final String GRADE = "grade";
    public static final String CLASS = "class";
    /**
     * Learners only: {@code <school>:<grade>:<class>} for each active enrolment (see {@link SchoolPlace}), so each
     * school's service gets that school's grade and class. {@link #GRADE} and {@link #CLASS} hold the first one's.
     */
    public static final String ENROLMENT = "enrolment";
    public static final String BIRTHDATE = "birthdate";
    /** Staff only: the staff register's id. */
    public static final String STAFF_ID = "staff_id";
    /** Staff only: the keyed hash of the national register number; the number itself is never stored. */
    public static final String NRN_HASH = "nrn_hash";
    /** Staff only: {@code <role>@<school>} for each active assignment, role as in {@link SchoolRole}. */
    public static final String SCHOOL_ROLE = "school_role";
    /**
     * Between schools ({@code be.leerid.register.EnrolmentGrace}): the last day the person stays a member without a
     * school. The next sync that gives them a school removes it; after the day, they are a leaver.
     */
    public static final String MEMBER_UNTIL = "member_until";
    /** Set when the register says the person left; drives the retention period. */
    public static final String LEFT_ON = "left_on";

    /**
     * A helpdesk right in the school console: {@code <school>/<user id of the coordinator who granted it>}.
     * The console sets it, never the register; it ends when either person leaves the school.
     */
    public static final String SCHOOL_HELPDESK = "school_helpdesk";

    /**
     * Learners only: the id of the learner's current QR badge (never its secret, which only the keyed hash in
     * the badge credential stands for). The console sets it when it prints a badge and removes it when it voids one.
     */
    public static final String BADGE = "badge";

    /** The day (YYYY-MM-DD, Belgian time) of the person's last login, written at most once a day; the school console shows it. */
    public static final String LAST_LOGIN = "last_login";

    /**
     * The pseudonyms services knew for register records merged into this one, as long as they receive them:
     * {@code <client id> <pseudonym> <last day>} ({@link FormerSubject}). The register sync sets it at a merge.
     */
    public static final String FORMER_SUBJECT = "former_sub";

    /** What a feed row sets: a sync removes any of these the row no longer gives. */
    public static final List<String> FROM_FEED_ROW = List.of(LEERID, AFFILIATION, SCHOOL, GRADE, CLASS, ENROLMENT,
            BIRTHDATE, STAFF_ID, NRN_HASH, SCHOOL_ROLE, ENTITLEMENT, MEMBER_UNTIL);
    /** Every attribute a register sync may set; the realm's user profile must declare each, admin-only. */
    public static final List<String> REGISTER = List.of(LEERID, AFFILIATION, SCHOOL, GRADE, CLASS, ENROLMENT,
            BIRTHDATE, STAFF_ID, NRN_HASH, SCHOOL_ROLE, ENTITLEMENT, MEMBER_UNTIL, LEFT_ON, FORMER_SUBJECT);

    /** Every attribute LeerID keeps on an account; the realm's user profile must declare each, admin-only. */
    public static final List<String> ADMIN_ONLY = java.util.stream.Stream.concat(REGISTER.stream(), java.util.stream.Stream.of(SCHOOL_HELPDESK, BADGE, LAST_LOGIN)).toList();

    private UserAttributes() {
    }
}
