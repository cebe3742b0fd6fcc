package be.leerid.school.services.resources;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import be.leerid.identifiers.RealmRoles;
import be.leerid.identifiers.SchoolNumber;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.SchoolCalendar;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import be.leerid.identifiers.UserAttributes;
import be.leerid.school.badges.BadgeSettings;
import be.leerid.school.credential.Badges;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/leerid-school-numbers/{old}/renumber?to={new}}: when a school gets a new institution number
 * (the register moves its enrolments in its next feed), the register's operator (realm role
 * {@value RealmRoles#REGISTER_SYNC}) carries the school's service activations, badge settings and printed badges over to
 * the new number.
 */
public final class SchoolNumbersResource {

    private static final Logger LOG = Logger.getLogger(SchoolNumbersResource.class);

    private final KeycloakSession session;

    SchoolNumbersResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("{old}/renumber")
    @Produces(MediaType.APPLICATION_JSON)
    public Response renumber(@PathParam("old") String old, @QueryParam("to") String renumbered) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            return error(Response.Status.UNAUTHORIZED, "unauthorized", "a bearer token of this realm is required");
        }
        RoleModel role = realm.getRole(RealmRoles.REGISTER_SYNC);
        if (role == null || !auth.user().hasRole(role)) {
            return error(Response.Status.FORBIDDEN, "forbidden", "the realm role " + RealmRoles.REGISTER_SYNC + " is required");
        }
        if (!SchoolNumber.isValid(old) || !SchoolNumber.isValid(renumbered) || old.equals(renumbered)) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "old and new institution numbers must be two different numbers (5 or 6 digits)");
        }
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        int moved = 0;
        for (ClientModel client : realm.getClientsStream().toList()) {
            String day = leerid.activations(client).get(old);
            if (day != null) {
                leerid.deactivate(client, old);
                if (!leerid.isActivatedBy(client, renumbered)) {
                    leerid.activate(client, renumbered, activationDay(day));
                }
                moved++;
            }
        }
        // Its QR badges keep working: the school's badge settings, and the printing school of each badge.
        new BadgeSettings(realm, old).moveTo(renumbered);
        Badges badges = new Badges(session, realm);
        long badgesMoved = leerid.peopleOfSchool(realm, old, null, null, null, 0, Integer.MAX_VALUE)
                .filter(user -> user.getFirstAttribute(UserAttributes.BADGE) != null)
                .filter(user -> badges.renumber(user, old, renumbered)).count();
        LOG.infof("LeerID: a school's activations of %d services and %d badges moved to its new institution number", moved, badgesMoved);
        return Response.ok(Map.of("from", old, "to", renumbered, "services", moved, "badges", badgesMoved)).build();
    }

    /** The day the school activated the service; today if an operator wrote something else there. */
    private static LocalDate activationDay(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return SchoolCalendar.today();
        }
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error, "error_description", description)).build();
    }
}
