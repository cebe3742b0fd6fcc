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

    private LeerIdSubjects() {
    }

    /**
     * The pseudonym, or an OAuth error response that stops the token or assertion from being issued.
     * Logs why, for administrators, without personal data.
     */
    public static String pseudonymOrRefuse(KeycloakSession session, ClientModel client, UserModel user) {
        try {
            return pseudonym(session, client, user);
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
        String leerid = user.getFirstAttribute(PersonRecord.LEERID);
        if (leerid == null || leerid.isBlank()) {
            throw new SubjectUnavailableException(Reason.NO_LEERID,
                    "user has no LeerID; no token or assertion is issued to client \"" + client.getClientId() + "\"");
        }
        checkAudience(client, user);
        String sector = sector(client);
        return PseudonymKeys.deriver(session, client.getRealm()).derive(sector, leerid);
    }

    /** @throws SubjectUnavailableException with {@link Reason#STAFF_ONLY} if the service is not for this person */
    public static void checkAudience(ClientModel client, UserModel user) {
        ServiceAudience audience;
        try {
            audience = ServiceAudience.of(client.getAttribute(ServiceAudience.ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            throw new SubjectUnavailableException(Reason.MISCONFIGURED, "client \"" + client.getClientId() + "\": " + e.getMessage());
        }
        if (!audience.admits(person(user))) {
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

    public static PersonRecord person(UserModel user) {
        return PersonRecord.fromAttributes(user.getFirstName(), user.getLastName(),
                name -> user.getAttributeStream(name).toList());
    }
}
