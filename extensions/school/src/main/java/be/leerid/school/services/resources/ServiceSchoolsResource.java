package be.leerid.school.services.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;
import org.keycloak.services.clientregistration.ClientRegistrationTokenUtils;

/**
 * {@code /realms/{realm}/leerid-service-schools}: a service provider reads which schools activated its service, so
 * it can prepare their rosters. The provider authenticates as its own client, exactly as at the token endpoint
 * (client secret or private_key_jwt), or, with {@code ?client_id=}, with its current registration access token
 * (RFC 7592) as a bearer token; it learns about no other service.
 */
public final class ServiceSchoolsResource {

    private final KeycloakSession session;

    ServiceSchoolsResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response schools() {
        Optional<ClientModel> caller = byRegistrationAccessToken().or(this::byClientAuthentication);
        if (caller.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "invalid_client", "error_description", "authenticate as the service's own client")).build();
        }
        ClientModel client = caller.get();
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", client.getClientId());
        ServiceAccess access;
        try {
            access = leerid.access(client);
        } catch (SubjectUnavailableException e) {
            return Response.serverError().type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "server_error", "error_description", "the service's access mode is misconfigured")).build();
        }
        answer.put("access", access.value());
        List<Map<String, String>> schools = new ArrayList<>();
        if (access == ServiceAccess.SCHOOL) {
            leerid.activations(client).forEach((school, day) -> schools.add(Map.of("ov_orgcode", school, "activated_on", day)));
        }
        answer.put("schools", schools);
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    /** The same answer for POST, where a private_key_jwt client assertion travels in the form. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response schoolsByPost() {
        return schools();
    }

    /**
     * The client that authenticated as at the token endpoint (secret or client assertion), if one did. A public client
     * has no credentials (Keycloak would take its client_id alone), so it cannot authenticate here.
     */
    private Optional<ClientModel> byClientAuthentication() {
        try {
            EventBuilder event = new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                    .event(EventType.CLIENT_INFO);
            ClientModel client = AuthorizeClientUtil.authorizeClient(session, event, null).getClient();
            return client.isPublicClient() ? Optional.empty() : Optional.of(client);
        } catch (WebApplicationException e) {
            return Optional.empty();
        }
    }

    /**
     * The client named by {@code client_id} if the request carries its current registration access token: signed by
     * this realm, active, of that type, and the one the client holds now (an older one was replaced).
     */
    private Optional<ClientModel> byRegistrationAccessToken() {
        String authorization = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        String clientId = session.getContext().getUri().getQueryParameters().getFirst("client_id");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || clientId == null) {
            return Optional.empty();
        }
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !client.isEnabled() || client.getRegistrationToken() == null) {
            return Optional.empty();
        }
        try {
            TokenVerifier<JsonWebToken> verifier = TokenVerifier.create(authorization.substring(7).strip(), JsonWebToken.class)
                    .withChecks(new TokenVerifier.RealmUrlCheck(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName())),
                            TokenVerifier.IS_ACTIVE);
            SignatureProvider signatures = session.getProvider(SignatureProvider.class, verifier.getHeader().getAlgorithm().name());
            if (signatures == null) {
                return Optional.empty();
            }
            verifier.verifierContext(signatures.verifier(verifier.getHeader().getKeyId())).verify();
            JsonWebToken token = verifier.getToken();
            if (!ClientRegistrationTokenUtils.TYPE_REGISTRATION_ACCESS_TOKEN.equals(token.getType())
                    || !client.getRegistrationToken().equals(token.getId())) {
                return Optional.empty();
            }
            return Optional.of(client);
        } catch (VerificationException e) {
            return Optional.empty();
        }
    }
}
