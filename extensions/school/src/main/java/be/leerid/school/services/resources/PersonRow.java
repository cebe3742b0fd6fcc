package be.leerid.school.services.resources;

/** One person as a console page lists them (FreeMarker reads the accessors). */
public record PersonRow(String id, String givenName, String familyName, String username, String schoolClass, String grade,
                        boolean learner, String statusKey, String leftOn, boolean locked, boolean helpdesk,
                        boolean mayGetHelpdesk, boolean usesBadge, boolean hasBadge, String lastLogin) {
}
