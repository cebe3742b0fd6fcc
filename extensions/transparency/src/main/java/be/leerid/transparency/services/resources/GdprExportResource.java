package be.leerid.transparency.services.resources;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import be.leerid.identifiers.RealmRoles;
import be.leerid.identifiers.ReleaseRecord;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.transparency.ExportQuery;
import be.leerid.transparency.ExportedDetails;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /realms/{realm}/leerid-gdpr-export?service=|person=&from=&to=}: for the GDPR working group (realm role
 * {@value #ROLE}), the release records, login events and admin events of one service or one person over a range of
 * days, as JSON Lines. People appear by their account id, services by client id; no username, address, code or
 * typed value ({@link ExportedDetails}). Each source gives at most {@code max} lines from {@code first}; the header
 * {@value #COMPLETE_HEADER} says whether anything was left out. Every export is itself an admin event.
 */
public final class GdprExportResource {

    public static final String ROLE = RealmRoles.GDPR_EXPORT;
    static final String COMPLETE_HEADER = "LeerID-Export-Complete";
    static final MediaType JSON_LINES = new MediaType("application", "jsonl", StandardCharsets.UTF_8.name());
    private static final int DEFAULT_MAX = 10_000;
    private static final int LIMIT = 100_000;
    private static final Logger LOG = Logger.getLogger(GdprExportResource.class);

    private final KeycloakSession session;

    GdprExportResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces({"application/jsonl", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("service") String service, @QueryParam("person") String person,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            return error(Response.Status.UNAUTHORIZED, "unauthorized", "a bearer token of this realm is required");
        }
        RoleModel role = realm.getRole(ROLE);
        if (role == null || !auth.user().hasRole(role)) {
            return error(Response.Status.FORBIDDEN, "forbidden", "the realm role " + ROLE + " is required");
        }
        ExportQuery query;
        try {
            query = ExportQuery.parse(service, person, from, to);
        } catch (ExportQuery.Refused e) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
        }
        int start = first == null ? 0 : first;
        int count = max == null ? DEFAULT_MAX : max;
        if (start < 0 || count < 1 || count > LIMIT) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "first must be 0 or more, max between 1 and " + LIMIT);
        }
        ClientModel client = null;
        UserModel user = null;
        if (query.service() != null) {
            client = realm.getClientByClientId(query.service());
            if (client == null) {
                return error(Response.Status.NOT_FOUND, "not_found", "no service with this client id");
            }
        } else {
            user = session.users().getUserByUsername(realm, query.person());
            if (user == null) {
                return error(Response.Status.NOT_FOUND, "not_found", "no account with this username");
            }
        }
        ExportWindow window = ExportWindow.of(query);
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean allReleases = addPage(lines, releases(realm, client, user, query), start, count);
        boolean allEvents = addPage(lines, events(realm, client, user, window, start, count + 1), 0, count);
        boolean allAdminEvents = addPage(lines, adminEvents(realm, client, user, window, start, count + 1), 0, count);
        boolean complete = allReleases && allEvents && allAdminEvents;
        record(realm, auth, client, user);
        LOG.infof("LeerID GDPR export: %d lines of a %s, %s to %s", lines.size(), client != null ? "service" : "person",
                query.from(), query.to());
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> line : lines) {
            try {
                body.append(JsonSerialization.writeValueAsString(line)).append('\n');
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Response.ok(body.toString(), JSON_LINES).header(COMPLETE_HEADER, Boolean.toString(complete)).build();
    }

    /** Adds up to {@code count} of the lines after {@code skip}; false if more were left. */
    private static boolean addPage(List<Map<String, Object>> lines, Stream<Map<String, Object>> source, int skip, int count) {
        List<Map<String, Object>> page = source.skip(skip).limit(count + 1L).toList();
        lines.addAll(page.subList(0, Math.min(count, page.size())));
        return page.size() <= count;
    }

    private Stream<Map<String, Object>> releases(RealmModel realm, ClientModel client, UserModel user, ExportQuery query) {
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        Stream<ReleaseRecord> records = client != null ? leerid.releases(client, query.from(), query.to())
                : leerid.releases(user).stream().filter(r -> !r.last().isBefore(query.from()) && !r.first().isAfter(query.to()));
        return records.map(r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("record", "release");
            line.put("service", client != null ? client.getClientId()
                    : Optional.ofNullable(realm.getClientById(r.service())).map(ClientModel::getClientId).orElse(r.service()));
            line.put("person", r.person());
            line.put("first_day", r.first().toString());
            line.put("last_day", r.last().toString());
            line.put("claims", r.claims().stream().sorted().toList());
            return line;
        });
    }

    private Stream<Map<String, Object>> events(RealmModel realm, ClientModel client, UserModel user, ExportWindow window,
                                               int first, int max) {
        var query = session.getProvider(EventStoreProvider.class).createQuery().realm(realm.getId())
                .fromDate(window.fromMillis()).toDate(window.toMillis()).orderByAscTime().firstResult(first).maxResults(max);
        query = client != null ? query.client(client.getClientId()) : query.user(user.getId());
        return query.getResultStream().map(GdprExportResource::eventLine);
    }

    private Stream<Map<String, Object>> adminEvents(RealmModel realm, ClientModel client, UserModel user, ExportWindow window,
                                                    int first, int max) {
        var query = session.getProvider(EventStoreProvider.class).createAdminQuery().realm(realm.getId())
                .fromTime(window.fromMillis()).toTime(window.toMillis()).orderByAscTime().firstResult(first).maxResults(max)
                .resourcePath((client != null ? "clients/" + client.getId() : "users/" + user.getId()) + "*");
        return query.getResultStream().map(GdprExportResource::adminEventLine);
    }

    private static Map<String, Object> eventLine(Event event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("record", "event");
        line.put("time", Instant.ofEpochMilli(event.getTime()).toString());
        line.put("type", event.getType().name());
        line.put("service", event.getClientId());
        line.put("person", event.getUserId());
        line.put("error", event.getError());
        line.put("details", ExportedDetails.of(event.getDetails()));
        return line;
    }

    private static Map<String, Object> adminEventLine(AdminEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("record", "admin-event");
        line.put("time", Instant.ofEpochMilli(event.getTime()).toString());
        line.put("operation", event.getOperationType() == null ? null : event.getOperationType().name());
        line.put("resource", event.getResourceTypeAsString());
        line.put("path", event.getResourcePath());
        line.put("by", event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId());
        line.put("details", ExportedDetails.of(event.getDetails()));
        return line;
    }

    /** The export itself is an admin event: who exported which service's or person's records. */
    private void record(RealmModel realm, AuthenticationManager.AuthResult auth, ClientModel client, UserModel user) {
        AdminAuth admin = new AdminAuth(realm, auth.token(), auth.user(), auth.client());
        new AdminEventBuilder(realm, admin, session, session.getContext().getConnection())
                .operation(OperationType.ACTION)
                .resource(ResourceType.REALM)
                .resourcePath("leerid-gdpr-export", client != null ? "clients/" + client.getId() : "users/" + user.getId())
                .detail("action", "gdpr-export")
                .success();
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
