package be.leerid.identifiers.protocol;

import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;

/**
 * For mappers: the pseudonym, or an OAuth error response that stops the token or assertion from being
 * issued. Logs why, for administrators, without personal data.
 */
final class SubjectRefusal {

    private static final Logger LOG = Logger.getLogger(SubjectRefusal.class);

    private SubjectRefusal() {
    }

    static String pseudonymOrRefuse(LeerIdProvider leerid, ClientModel client, UserModel user) {
        try {
            return leerid.pseudonymInRequest(client, user);
        } catch (SubjectUnavailableException e) {
            throw refusal(e);
        }
    }

    /** For a logout token: the pseudonym the service knows, even when it may no longer serve the person. */
    static String knownPseudonymOrRefuse(LeerIdProvider leerid, ClientModel client, UserModel user) {
        try {
            return leerid.knownPseudonym(client, user);
        } catch (SubjectUnavailableException e) {
            throw refusal(e);
        }
    }

    /** The person as the service may see them, or an error response: a claim is never released where a subject is refused. */
    static PersonRecord recordOrRefuse(LeerIdProvider leerid, ClientModel client, UserModel user) {
        try {
            return leerid.personForService(client, user);
        } catch (SubjectUnavailableException e) {
            throw refusal(e);
        }
    }

    private static ErrorResponseException refusal(SubjectUnavailableException e) {
        LOG.warnf("LeerID refused to issue a subject: %s", e.getMessage());
        return switch (e.reason()) {
            case STAFF_ONLY -> new ErrorResponseException(OAuthErrorException.ACCESS_DENIED, "this service is for school staff only",
                    Response.Status.FORBIDDEN);
            // A school deactivated the service during the session: its refresh tokens stop working.
            case NOT_ACTIVATED -> new ErrorResponseException(OAuthErrorException.INVALID_GRANT, "no school of the user uses this service",
                    Response.Status.BAD_REQUEST);
            case NO_LEERID -> new ErrorResponseException(OAuthErrorException.INVALID_GRANT, "the user has no LeerID",
                    Response.Status.BAD_REQUEST);
            default -> new ErrorResponseException(OAuthErrorException.SERVER_ERROR,
                    "LeerID cannot issue a pseudonym for this client; see the server log", Response.Status.INTERNAL_SERVER_ERROR);
        };
    }
}
