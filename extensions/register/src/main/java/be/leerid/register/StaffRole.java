package be.leerid.register;

import java.util.Arrays;
import java.util.Optional;

/** Roles a staff member has at a school, as the feed spells them. */
public enum StaffRole {

    TEACHER("teacher", "faculty"),
    SCHOOL_LEADER("school-leader", "staff"),
    ICT_COORDINATOR("ict-coordinator", "staff");

    private final String feedName;
    private final String affiliation;

    StaffRole(String feedName, String affiliation) {
        this.feedName = feedName;
        this.affiliation = affiliation;
    }

    public String feedName() {
        return feedName;
    }

    /** The eduPersonAffiliation this role gives. */
    public String affiliation() {
        return affiliation;
    }

    public static Optional<StaffRole> fromFeed(String name) {
        return Arrays.stream(values()).filter(r -> r.feedName.equals(name)).findFirst();
    }
}
