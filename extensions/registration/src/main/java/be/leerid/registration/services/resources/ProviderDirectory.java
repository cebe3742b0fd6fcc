package be.leerid.registration.services.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.ClientAttributes;
import be.leerid.identifiers.RealmRoles;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.registration.ReceiverEndpoint;
import be.leerid.registration.SoftwareStatement;
import be.leerid.registration.services.clientregistration.RegisteredClients;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /realms/{realm}/leerid-providers}: for the operator (realm role {@value #ROLE}), the registered
 * service providers and what each may receive; suspending one stops its tokens at once.
 */
public final class ProviderDirectory {

    public static final String ROLE = RealmRoles.ONBOARDING_OPERATOR;
    private static final Logger LOG = Logger.getLogger(ProviderDirectory.class);

    private final KeycloakSession session;
    /** The operator, once {@link #authorize} let them in. */
    private AuthenticationManager.AuthResult operator;

    ProviderDirectory(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        Response refused = authorize();
        if (refused != null) {
            return refused;
        }
        List<Map<String, Object>> providers = new ArrayList<>();
        realm().getClientsStream().filter(RegisteredClients::isRegistered).forEach(c -> providers.add(entry(c)));
        return Response.ok(providers).build();
    }

    @POST
    @Path("{clientId}/suspend")
    @Produces(MediaType.APPLICATION_JSON)
    public Response suspend(@PathParam("clientId") String clientId) {
        return setSuspended(clientId, true);
    }

    @POST
    @Path("{clientId}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("clientId") String clientId) {
        return setSuspended(clientId, false);
    }

    /**
     * Registers (or, with an empty body, removes) the service's Shared Signals push receiver: LeerID then posts it
     * signed Security Event Tokens about the people the service knows. Any LeerID service, registered or configured.
     */
    @PUT
    @Path("{clientId}/ssf-receiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setReceiver(@PathParam("clientId") String clientId, Map<String, Object> body) {
        Response refused = authorize();
        if (refused != null) {
            return refused;
        }
        ClientModel client = realm().getClientByClientId(clientId);
        if (client == null || !session.getProvider(LeerIdProvider.class).isLeerIdService(client)) {
            return error(Response.Status.NOT_FOUND, "not_found", "no LeerID service with this client_id");
        }
        Object endpoint = body == null ? null : body.get("endpoint");
        if (endpoint == null) {
            client.removeAttribute(ClientAttributes.SSF_RECEIVER);
            LOG.infof("LeerID removed the Shared Signals receiver of client %s", clientId);
            return Response.ok(Map.of("client_id", clientId)).build();
        }
        try {
            String receiver = ReceiverEndpoint.parse(String.valueOf(endpoint)).toString();
            client.setAttribute(ClientAttributes.SSF_RECEIVER, receiver);
            LOG.infof("LeerID registered a Shared Signals receiver for client %s", clientId);
            return Response.ok(Map.of("client_id", clientId, "endpoint", receiver)).build();
        } catch (ReceiverEndpoint.Refused e) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
        }
    }

    private Response setSuspended(String clientId, boolean suspended) {
        Response refused = authorize();
        if (refused != null) {
            return refused;
        }
        ClientModel client = realm().getClientByClientId(clientId);
        if (!RegisteredClients.isRegistered(client)) {
            return error(Response.Status.NOT_FOUND, "not_found", "no registered service provider with this client_id");
        }
        if (suspended) {
            // The provider hears it before it is disabled (Keycloak sends no logout to a disabled client): every
            // session at it gets a back-channel logout and ends there. Tokens already issued stop at once: refresh
            // and introspection check the client's not-before.
            session.sessions().getUserSessionsStream(realm(), client).toList()
                    .forEach(userSession -> AuthenticationManager.backchannelLogoutUserSessionFromClient(session, realm(), userSession,
                            client, session.getContext().getUri(), session.getContext().getRequestHeaders()));
            client.setNotBefore(Time.currentTime());
        }
        client.setEnabled(!suspended);
        client.setAttribute(RegisteredClients.SUSPENDED, Boolean.toString(suspended));
        record(client, suspended ? "provider-suspend" : "provider-resume");
        LOG.infof("LeerID %s service provider \"%s\" (client %s)", suspended ? "suspended" : "resumed",
                client.getAttribute(RegisteredClients.PROVIDER), clientId);
        return Response.ok(entry(client)).build();
    }

    private static Map<String, Object> entry(ClientModel client) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("client_id", client.getClientId());
        entry.put("client_name", client.getName());
        entry.put("software_id", client.getAttribute(RegisteredClients.PROVIDER));
        entry.put("org_kbo", client.getAttribute(RegisteredClients.ORGANISATION));
        entry.put("sector", client.getAttribute(RegisteredClients.SECTOR));
        List<String> scopes = client.getClientScopes(true).keySet().stream().sorted().toList();
        entry.put("scopes", scopes);
        entry.put("raw_leerid", scopes.contains(SoftwareStatement.RAW_LEERID_SCOPE));
        entry.put("client_credentials", client.isServiceAccountsEnabled());
        entry.put("redirect_uris", List.copyOf(client.getRedirectUris()));
        entry.put("suspended", !client.isEnabled());
        entry.put("ssf_receiver", client.getAttribute(ClientAttributes.SSF_RECEIVER));
        return entry;
    }

    /** An operator's decision about a provider, as an admin event kept with the others (400 days). */
    private void record(ClientModel client, String action) {
        new AdminEventBuilder(realm(), new AdminAuth(realm(), operator.token(), operator.user(), operator.client()), session,
                session.getContext().getConnection())
                .operation(OperationType.ACTION).resource(ResourceType.CLIENT).resourcePath("clients", client.getId(), action)
                .detail("action", action).success();
    }

    private Response authorize() {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            return error(Response.Status.UNAUTHORIZED, "unauthorized", "a bearer token of this realm is required");
        }
        RoleModel role = realm().getRole(ROLE);
        if (role == null || !auth.user().hasRole(role)) {
            return error(Response.Status.FORBIDDEN, "forbidden", "the realm role " + ROLE + " is required");
        }
        operator = auth;
        return null;
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
