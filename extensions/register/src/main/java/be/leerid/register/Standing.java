package be.leerid.register;

/** Where a person stands with the register on a day. */
public enum Standing {
    /** Enrolled or employed: an account with their schools. */
    ACTIVE,
    /**
     * Their last enrolment or assignment ended within its {@link EnrolmentGrace}: the account stays, as a member of
     * LeerID without any school.
     */
    BETWEEN_SCHOOLS,
    /** A leaver: the account is disabled. */
    LEFT
}
