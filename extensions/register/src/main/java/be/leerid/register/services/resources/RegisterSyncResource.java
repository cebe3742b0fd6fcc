package be.leerid.register.services.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import be.leerid.identifiers.BelgianDays;
import be.leerid.identifiers.RealmRoles;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.services.BackgroundRequest;
import be.leerid.register.DisableGuard;
import be.leerid.register.EnrolmentGrace;
import be.leerid.register.FeedReader;
import be.leerid.register.MalformedFeedException;
import be.leerid.register.RowProblem;
import be.leerid.register.SyncReport;
import be.leerid.register.models.SyncJobStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code POST /realms/{realm}/register-sync/feed}: a register feed in, a report out (200), or, for a
 * sync longer than the wait, 202 and {@code jobs/{id}} to poll. A malformed feed (400) or one the
 * mass-disable guard refuses (409) is answered at once and changes nothing. Only a caller holding
 * the realm role {@value #ROLE} may use it (the register-sync client's service account).
 */
public final class RegisterSyncResource {

    public static final String ROLE = RealmRoles.REGISTER_SYNC;
    private static final Logger LOG = Logger.getLogger(RegisterSyncResource.class);

    private final KeycloakSession session;
    /** The register's client, once {@link #authorize} let it in. */
    private AuthenticationManager.AuthResult caller;
    private final DisableGuard guard;
    private final EnrolmentGrace grace;
    private final LeaverRetention retention;
    private final SyncJobs jobs;
    private final SyncJobStore store;
    private final Duration wait;

    RegisterSyncResource(KeycloakSession session, DisableGuard guard, EnrolmentGrace grace, LeaverRetention retention, SyncJobs jobs,
                         SyncJobStore store, Duration wait) {
        this.session = session;
        this.store = store;
        this.guard = guard;
        this.grace = grace;
        this.retention = retention;
        this.jobs = jobs;
        this.wait = wait;
    }

    /**
     * Does the daily run's work for this realm now: people whose grace between schools ended become leavers, and
     * accounts whose retention period has passed are deleted.
     */
    @POST
    @Path("retention")
    @Produces(MediaType.APPLICATION_JSON)
    public Response purgeLeavers() {
        Response refused = authorize();
        if (refused != null) {
            return refused;
        }
        LocalDate today = BelgianDays.of(Time.currentTimeMillis());
        int disabled = retention.endGraces(session, session.getContext().getRealm(), today);
        int deleted = retention.purge(session, session.getContext().getRealm(), today);
        return Response.ok(Map.of("disabled", disabled, "deleted", deleted)).build();
    }

    @POST
    @Path("feed")
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response sync(InputStream feed, @QueryParam("force") boolean force) throws IOException {
        Response refused = authorize();
        if (refused != null) {
            return refused;
        }
        long started = System.nanoTime();
        RealmModel realm = session.getContext().getRealm();
        LocalDate today = BelgianDays.of(Time.currentTimeMillis());
        java.nio.file.Path spool = Files.createTempFile("leerid-feed-", ".jsonl");
        boolean handedOver = false;
        String jobId = null;
        try {
            FeedReader.Validation validation;
            try (OutputStream out = Files.newOutputStream(spool)) {
                validation = FeedReader.validate(feed, out, today);
            } catch (MalformedFeedException e) {
                LOG.warnf("LeerID register sync rejected a malformed feed for realm %s: %s", realm.getName(), e.getMessage());
                return error(Response.Status.BAD_REQUEST, "malformed_feed", e.getMessage());
            }
            String register = validation.header().register().name().toLowerCase(Locale.ROOT);
            jobId = store.start(realm.getId(), register).orElse(null);
            if (jobId == null) {
                LOG.warnf("LeerID register sync for realm %s refused: a %s sync is running", realm.getName(), register);
                return error(Response.Status.CONFLICT, "sync_in_progress", "a sync of the " + register + " register is running in this "
                        + "realm; nothing was changed. Send this feed when it has ended.");
            }
            BackgroundRequest request = BackgroundRequest.of(session);
            retention.remember(request);
            RegisterSyncRun run = new RegisterSyncRun(session.getKeycloakSessionFactory(), realm.getId(), today, grace, request,
                    caller.user().getId(), caller.client().getId());
            run.prepare(spool, validation, guard, force);
            SyncJobs.Job job = jobs.submit(store, jobId, realm.getName(), run, spool);
            handedOver = true;
            LOG.debugf("LeerID register sync validated in %d ms", (System.nanoTime() - started) / 1_000_000);
            return result(job, wait);
        } catch (RegisterSyncRun.Refused e) {
            LOG.warnf("LeerID register sync refused for realm %s: %s (limit %.1f%%; force=true overrides)",
                    realm.getName(), e.getMessage(), guard.maxShare() * 100);
            return error(Response.Status.CONFLICT, "too_many_disables", e.getMessage() + "; the limit is "
                    + guard.maxShare() * 100 + "% of all accounts. Nothing was changed. Repeat with force=true if this is intended.");
        } catch (SubjectUnavailableException e) {
            LOG.errorf("LeerID register sync cannot run for realm %s: %s", realm.getName(), e.getMessage());
            return error(Response.Status.SERVICE_UNAVAILABLE, "no_pseudonym_key", "the realm has no usable pseudonym key; see the server log");
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(spool);
                if (jobId != null) {
                    store.abandon(jobId);
                }
            }
        }
    }

    /** The report of a sync that was too long to wait for, from any node: 202 while it runs. */
    @GET
    @Path("jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response job(@PathParam("id") String id) {
        Response refused = authorize();
        if (refused != null) {
            return refused;
        }
        return store.find(session.getContext().getRealm().getId(), id)
                .map(job -> switch (job.status()) {
                    case RUNNING -> running(job.id());
                    case DONE -> Response.ok(job.report(), MediaType.APPLICATION_JSON).build();
                    case FAILED -> failed();
                })
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "unknown_job", "no such sync in this realm (syncs are kept for 7 days)"));
    }

    private static Response failed() {
        return error(Response.Status.INTERNAL_SERVER_ERROR, "sync_failed", "the sync failed part way (see the server log), or the "
                + "node running it stopped. Accounts written so far stay; send the feed again.");
    }

    private Response running(String id) {
        String location = session.getContext().getUri().getBaseUri() + "realms/" + session.getContext().getRealm().getName()
                + "/register-sync/jobs/" + id;
        return Response.accepted(Map.of("job", id, "status", "running", "location", location))
                .header("Location", location).type(MediaType.APPLICATION_JSON).build();
    }

    private Response result(SyncJobs.Job job, Duration wait) {
        try {
            SyncReport report = wait.isZero() && !job.result().isDone() ? null
                    : job.result().get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            if (report != null) {
                return Response.ok(report).build();
            }
        } catch (TimeoutException e) {
            // still running: fall through to 202
        } catch (ExecutionException e) {
            return failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return running(job.id());
    }

    private Response authorize() {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            return error(Response.Status.UNAUTHORIZED, "unauthorized", "a bearer token of this realm is required");
        }
        RoleModel role = session.getContext().getRealm().getRole(ROLE);
        if (role == null || !auth.getUser().hasRole(role)) {
            return error(Response.Status.FORBIDDEN, "forbidden", "the realm role " + ROLE + " is required");
        }
        caller = auth;
        return null;
    }

    static String problemSummary(SyncReport report) {
        if (report.problems().isEmpty()) {
            return "";
        }
        Map<String, Long> byReason = report.problems().stream()
                .collect(Collectors.groupingBy(RowProblem::reason, TreeMap::new, Collectors.counting()));
        return " rejected rows by reason: " + byReason;
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
