package be.leerid.identifiers;

/**
 * A person's longitudinal identifier in LeerID: a learner's is the student register's LeerID, a staff
 * member's is {@value #STAFF_PREFIX} and the staff register's id, so the two registers never collide.
 */
public final class LeerIds {

    public static final String STAFF_PREFIX = "S-";

    private LeerIds() {
    }

    public static String ofStaff(String staffId) {
        return STAFF_PREFIX + staffId;
    }

    /** Whether the LeerID belongs to the staff register. */
    public static boolean isStaff(String leerid) {
        return leerid != null && leerid.startsWith(STAFF_PREFIX);
    }
}
