package be.leerid.identifiers.protocol;

import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.SubjectUnavailableException.Reason;
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
            LOG.warnf("LeerID refused to issue a subject: %s", e.getMessage());
            if (e.reason() == Reason.STAFF_ONLY) {
                throw new ErrorResponseException(OAuthErrorException.ACCESS_DENIED, "this service is for school staff only",
                        Response.Status.FORBIDDEN);
            }
            if (e.reason() == Reason.NO_LEERID) {
                throw new ErrorResponseException(OAuthErrorException.INVALID_GRANT, "the user has no LeerID",
                        Response.Status.BAD_REQUEST);
            }
            throw new ErrorResponseException(OAuthErrorException.SERVER_ERROR,
                    "LeerID cannot issue a pseudonym for this client; see the server log", Response.Status.INTERNAL_SERVER_ERROR);
        }
    }
}
