package be.leerid.registration.services.clientregistration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

import be.leerid.identifiers.ClaimScope;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.registration.ClientPlan;
import be.leerid.registration.RegistrationException;
import be.leerid.registration.RegistrationPolicy;
import be.leerid.registration.RegistrationRequest;
import be.leerid.registration.SoftwareStatement;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.clientregistration.AbstractClientRegistrationContext;
import org.keycloak.services.clientregistration.AbstractClientRegistrationProvider;

/**
 * {@code /realms/{realm}/clients-registrations/leerid}: RFC 7591 registration with a software statement,
 * RFC 7592 read, update and delete with the registration access token. Every request goes through
 * {@link RegistrationPolicy}; Keycloak does the rest (tokens, client registration policies, events).
 */
public final class LeerIdClientRegistrationProvider extends AbstractClientRegistrationProvider {

    private static final Logger LOG = Logger.getLogger(LeerIdClientRegistrationProvider.class);

    public LeerIdClientRegistrationProvider(KeycloakSession session) {
        super(session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        ClientPlan plan = plan(read(body), null, null);
        ClientRepresentation created = create(new Context(session, RegisteredClients.representation(RegisteredClients.newClientId(), plan), this));
        ClientModel client = realm().getClientByClientId(created.getClientId());
        LOG.infof("LeerID registered client \"%s\" for provider \"%s\" (sector %s)", client.getClientId(),
                plan.statement().softwareId(), plan.statement().sector());
        URI location = clientUri(client.getClientId());
        return Response.created(location).cacheControl(noStore())
                .entity(RegisteredClients.metadata(client, created.getRegistrationAccessToken(), location.toString())).build();
    }

    @GET
    @Path("{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("clientId") String clientId) {
        ClientModel client = registered(clientId);
        ClientRepresentation rep = get(client);
        return Response.ok(RegisteredClients.metadata(client, rep.getRegistrationAccessToken(), clientUri(clientId).toString()))
                .cacheControl(noStore()).build();
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("clientId") String clientId, InputStream body) {
        ClientModel client = registered(clientId);
        auth.requireView(client);
        ClientPlan plan = plan(read(body), client, clientId);
        ClientRepresentation updated = update(clientId, new Context(session, RegisteredClients.representation(clientId, plan), this));
        return Response.ok(RegisteredClients.metadata(realm().getClientByClientId(clientId), updated.getRegistrationAccessToken(),
                clientUri(clientId).toString())).cacheControl(noStore()).build();
    }

    @DELETE
    @Path("{clientId}")
    public Response remove(@PathParam("clientId") String clientId) {
        registered(clientId);
        delete(clientId);
        return Response.noContent().build();
    }

    /** The request checked against its software statement (for an update: the new one, or the one on file). */
    private ClientPlan plan(byte[] body, ClientModel existing, String clientId) {
        try {
            RegistrationRequest request = RegistrationRequest.parse(body);
            String token = request.softwareStatement();
            if (existing != null) {
                if (!clientId.equals(request.clientId())) {
                    throw new RegistrationException(RegistrationException.INVALID_CLIENT_METADATA,
                            "client_id in the metadata must be the client's own (" + clientId + ")");
                }
                if (token == null) {
                    token = existing.getAttribute(RegisteredClients.STATEMENT);
                }
            } else if (request.clientId() != null) {
                throw new RegistrationException(RegistrationException.INVALID_CLIENT_METADATA,
                        "client_id is assigned by LeerID, not chosen at registration");
            }
            SoftwareStatement statement = OnboardingAuthority.verifier(realm()).verify(token);
            if (existing != null && !statement.softwareId().equals(existing.getAttribute(RegisteredClients.PROVIDER))) {
                throw new RegistrationException(RegistrationException.UNAPPROVED_SOFTWARE_STATEMENT,
                        "the software statement is for another service (software_id)");
            }
            checkAgainstRealm(statement, existing);
            return RegistrationPolicy.plan(request, statement);
        } catch (RegistrationException e) {
            LOG.warnf("LeerID refused a client registration in realm \"%s\": %s: %s", realm().getName(), e.error(), e.getMessage());
            event.event(existing == null ? org.keycloak.events.EventType.CLIENT_REGISTER : org.keycloak.events.EventType.CLIENT_UPDATE)
                    .detail("reason", e.error()).error(e.error());
            throw new ErrorResponseException(e.error(), e.getMessage(), Response.Status.BAD_REQUEST);
        }
    }

    /** The statement's scopes must be LeerID's OIDC client scopes, and its sector nobody else's. */
    private void checkAgainstRealm(SoftwareStatement statement, ClientModel existing) throws RegistrationException {
        Map<String, ClientScopeModel> scopes = new java.util.HashMap<>();
        realm().getClientScopesStream().forEach(s -> scopes.put(s.getName(), s));
        for (String name : statement.scopes()) {
            ClientScopeModel scope = scopes.get(name);
            boolean claimScope = ClaimScope.byName(name).filter(s -> s != ClaimScope.PSEUDONYM && s.oidcName().equals(name)).isPresent();
            if (!claimScope || scope == null || !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(scope.getProtocol())) {
                throw new RegistrationException(RegistrationException.INVALID_SOFTWARE_STATEMENT,
                        "scope \"" + name + "\" is not one of LeerID's OpenID Connect claim scopes");
            }
        }
        boolean taken = realm().getClientsStream()
                .filter(c -> existing == null || !c.getId().equals(existing.getId()))
                .filter(c -> !Objects.equals(statement.softwareId(), c.getAttribute(RegisteredClients.PROVIDER)))
                .filter(leerid()::isLeerIdService)
                .anyMatch(c -> statement.sector().equals(sectorOf(c)));
        if (taken) {
            throw new RegistrationException(RegistrationException.UNAPPROVED_SOFTWARE_STATEMENT,
                    "sector \"" + statement.sector() + "\" belongs to another service: its pseudonyms are not shared");
        }
    }

    private LeerIdProvider leerid() {
        return session.getProvider(LeerIdProvider.class);
    }

    private String sectorOf(ClientModel client) {
        try {
            return leerid().sector(client);
        } catch (SubjectUnavailableException e) {
            return null;
        }
    }

    private ClientModel registered(String clientId) {
        ClientModel client = realm().getClientByClientId(clientId);
        if (!RegisteredClients.isRegistered(client)) {
            // The same answer as for a wrong token: nothing is revealed about other clients.
            throw new ErrorResponseException("invalid_token", "not a client registered here", Response.Status.UNAUTHORIZED);
        }
        return client;
    }

    private static byte[] read(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readNBytes(RegistrationRequest.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ErrorResponseException(RegistrationException.INVALID_CLIENT_METADATA, "the request body could not be read",
                    Response.Status.BAD_REQUEST);
        }
    }

    private URI clientUri(String clientId) {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm().getName())
                .path("clients-registrations").path(LeerIdClientRegistrationProviderFactory.PROVIDER_ID).path(clientId).build();
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }

    private static final class Context extends AbstractClientRegistrationContext {
        Context(KeycloakSession session, ClientRepresentation client, LeerIdClientRegistrationProvider provider) {
            super(session, client, provider);
        }
    }
}
