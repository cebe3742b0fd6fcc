package be.leerid.eid.broker;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorPageException;
import org.keycloak.sessions.AuthenticationSessionModel;

/** One way to refuse an eID login: a log line without personal data, an event, and a page in the person's language. */
public final class EidRefusals {

    /** Event error for refused eID logins; the event detail {@code reason} says which refusal. */
    public static final String EVENT_ERROR = "leerid_eid_refused";

    private static final Logger LOG = Logger.getLogger(EidRefusals.class);

    private EidRefusals() {
    }

    public static void log(String reason, String realm) {
        LOG.warnf("LeerID refused an eID login in realm \"%s\": %s", realm, reason);
    }

    public static void event(EventBuilder event, String reason) {
        if (event != null) {
            event.detail("reason", reason).error(EVENT_ERROR);
        }
    }

    /** For code outside an authentication flow (identity provider mappers): the page as an exception. */
    public static ErrorPageException page(KeycloakSession session, AuthenticationSessionModel authSession, String messageKey) {
        return new ErrorPageException(session, authSession, Response.Status.FORBIDDEN, messageKey);
    }
}
