package be.leerid.school;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import be.leerid.identifiers.SchoolRole;

/**
 * Who may use the school console for a school, decided afresh on every request from what the staff
 * register says today: an active ICT coordinator or school leader manages it; a staff member holding a
 * helpdesk grant from someone who still manages it has the helpdesk right. Nobody else, and no leaver.
 */
public final class ConsoleAccess {

    /** The roles that manage a school in the console. */
    public static final Set<SchoolRole> MANAGING_ROLES = Set.of(SchoolRole.ICT_COORDINATOR, SchoolRole.SCHOOL_LEADER);

    private ConsoleAccess() {
    }

    /**
     * @param active           whether the account is enabled (the register has not ended it)
     * @param staffAtSchool    whether the register lists the person as staff at the school
     * @param roles            the person's roles at the school today
     * @param grants           the helpdesk grants on the person's account
     * @param stillManages     whether the account with this id still manages the school (for a grant's grantor)
     */
    public static Optional<ConsoleRight> at(String school, boolean active, boolean staffAtSchool, Set<SchoolRole> roles,
                                            Collection<HelpdeskGrant> grants, Predicate<String> stillManages) {
        if (!active || !staffAtSchool) {
            return Optional.empty();
        }
        if (roles.stream().anyMatch(MANAGING_ROLES::contains)) {
            return Optional.of(ConsoleRight.MANAGE);
        }
        boolean helpdesk = grants.stream()
                .anyMatch(grant -> grant.school().equals(school) && stillManages.test(grant.grantedBy()));
        return helpdesk ? Optional.of(ConsoleRight.HELPDESK) : Optional.empty();
    }
}
