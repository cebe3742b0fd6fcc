package be.leerid.eid;

import java.util.List;

import be.leerid.identifiers.Affiliation;

/**
 * What the eID login needs to know of an account found under a national register number hash.
 *
 * @param id Keycloak's user id
 * @param enabled false once the register says the person left
 * @param staffId the staff register's id, absent on learner accounts
 * @param affiliations eduPerson affiliations from the register
 */
public record StaffAccount(String id, boolean enabled, String staffId, List<String> affiliations) {

    public StaffAccount {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }

    /** A staff record from the register: a staff id and a staff affiliation. A learner account never is one. */
    public boolean isStaff() {
        return staffId != null && !staffId.isBlank() && Affiliation.isStaff(affiliations);
    }
}
