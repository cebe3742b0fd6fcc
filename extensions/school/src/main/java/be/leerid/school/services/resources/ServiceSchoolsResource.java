package be.leerid.school.services.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;

/**
 * {@code /realms/{realm}/leerid-service-schools}: a service provider reads which schools activated its service, so
 * it can prepare their rosters. The provider authenticates as its own client, exactly as at the token endpoint
 * (client secret or private_key_jwt); it learns about no other service.
 */
public final class ServiceSchoolsResource {

    private final KeycloakSession session;

    ServiceSchoolsResource(KeycloakSession session) {
        this.session = session;
    }

    /** The same answer for POST, where a private_key_jwt client assertion travels in the form. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response schools() {
        ClientModel client;
        try {
            EventBuilder event = new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                    .event(EventType.CLIENT_INFO);
            client = AuthorizeClientUtil.authorizeClient(session, event, null).getClient();
        } catch (WebApplicationException e) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "invalid_client", "error_description", "authenticate as the service's own client")).build();
        }
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

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response schoolsByPost() {
        return schools();
    }
}
