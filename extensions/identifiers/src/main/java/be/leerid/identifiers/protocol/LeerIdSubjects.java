package be.leerid.identifiers.protocol;

import java.util.Set;
import java.util.stream.Stream;

import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.SectorException;
import be.leerid.identifiers.SectorResolver;
import be.leerid.identifiers.ServiceAudience;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.SubjectUnavailableException.Reason;
import be.leerid.identifiers.protocol.oidc.mappers.LeerIdPseudonymMapper;
import be.leerid.identifiers.protocol.saml.mappers.LeerIdPairwiseIdMapper;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.services.ErrorResponseException;

/** Keycloak adapter: the pseudonym of a user at a client, and which clients are LeerID clients. */
public final class LeerIdSubjects {

    private static final Set<String> PSEUDONYM_MAPPERS = Set.of(LeerIdPseudonymMapper.PROVIDER_ID, LeerIdPairwiseIdMapper.PROVIDER_ID);

    private static final Logger LOG = Logger.getLogger(LeerIdSubjects.class);
    private static final String PERSON_IN_REQUEST = LeerIdSubjects.class.getName() + ".person.";
    private static final String PSEUDONYM_IN_REQUEST = LeerIdSubjects.class.getName() + ".pseudonym.";

    private LeerIdSubjects() {
    }

    /**
     * The pseudonym, or an OAuth error response that stops the token or assertion from being issued.
     * Logs why, for administrators, without personal data. For mappers: derived once per request,
     * though the access token, ID token and SAML name ID each ask for it.
     */
    public static String pseudonymOrRefuse(KeycloakSession session, ClientModel client, UserModel user) {
        String requestAttribute = PSEUDONYM_IN_REQUEST + client.getId() + "/" + user.getId();
        String known = session.getAttribute(requestAttribute, String.class);
        if (known != null) {
            return known;
        }
        try {
            String pseudonym = derive(session, client, personInRequest(session, user));
            session.setAttribute(requestAttribute, pseudonym);
            return pseudonym;
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

    /**
     * @throws SubjectUnavailableException if the user has no LeerID, the realm no key, or the client no sector
     */
    public static String pseudonym(KeycloakSession session, ClientModel client, UserModel user) {
        return derive(session, client, person(user));
    }

    private static String derive(KeycloakSession session, ClientModel client, PersonRecord person) {
        if (!person.hasLeerid()) {
            throw new SubjectUnavailableException(Reason.NO_LEERID,
                    "user has no LeerID; no token or assertion is issued to client \"" + client.getClientId() + "\"");
        }
        checkAudience(client, person);
        String sector = sector(client);
        return PseudonymKeys.deriver(session, client.getRealm()).derive(sector, person.leerid());
    }

    /** @throws SubjectUnavailableException with {@link Reason#STAFF_ONLY} if the service is not for this person */
    private static void checkAudience(ClientModel client, PersonRecord person) {
        ServiceAudience audience;
        try {
            audience = ServiceAudience.of(client.getAttribute(ServiceAudience.ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            throw new SubjectUnavailableException(Reason.MISCONFIGURED, "client \"" + client.getClientId() + "\": " + e.getMessage());
        }
        if (!audience.admits(person)) {
            throw new SubjectUnavailableException(Reason.STAFF_ONLY,
                    "client \"" + client.getClientId() + "\" is for school staff only and the user is not staff");
        }
    }

    /** @throws SubjectUnavailableException with {@link Reason#NO_SECTOR} if the sector cannot be decided */
    public static String sector(ClientModel client) {
        String configured = client.getAttribute(SectorResolver.SECTOR_ATTRIBUTE);
        try {
            if (SamlProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
                return SectorResolver.forSamlClient(configured, client.getClientId());
            }
            return SectorResolver.forOidcClient(configured, client.getRootUrl(), client.getRedirectUris());
        } catch (SectorException e) {
            throw new SubjectUnavailableException(Reason.NO_SECTOR, "client \"" + client.getClientId() + "\": " + e.getMessage());
        }
    }

    /** A LeerID client is one whose subject is a LeerID pseudonym, directly or through a default client scope. */
    public static boolean isLeerIdClient(ClientModel client) {
        Stream<ProtocolMapperModel> mappers = Stream.concat(client.getProtocolMappersStream(),
                client.getClientScopes(true).values().stream().flatMap(ClientScopeModel::getProtocolMappersStream));
        return mappers.anyMatch(m -> PSEUDONYM_MAPPERS.contains(m.getProtocolMapper()));
    }

    /** Read afresh: for a login, whose authenticators and required actions may still change the user. */
    public static PersonRecord person(UserModel user) {
        return PersonRecord.fromAttributes(user.getFirstName(), user.getLastName(),
                name -> user.getAttributeStream(name).toList());
    }

    /**
     * Read once per request, for mappers: they run after the user's last change in the request, and a
     * token response or userinfo call runs up to ten of them (JFR: building the record per mapper was
     * 2 % of a userinfo call).
     */
    public static PersonRecord personInRequest(KeycloakSession session, UserModel user) {
        String requestAttribute = PERSON_IN_REQUEST + user.getId();
        PersonRecord person = session.getAttribute(requestAttribute, PersonRecord.class);
        if (person == null) {
            person = person(user);
            session.setAttribute(requestAttribute, person);
        }
        return person;
    }
}
