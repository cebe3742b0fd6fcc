package be.leerid.register.services.resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import be.leerid.register.SyncReport;
import be.leerid.register.models.SyncJobStore;
import org.jboss.logging.Logger;
import org.keycloak.util.JsonSerialization;

/**
 * Runs this node's syncs one at a time, outside any HTTP request's transaction: a full register takes minutes,
 * longer than a request transaction may live. The caller waits for a short sync here; every node answers a poll
 * from the {@link SyncJobStore}, which this node keeps informed (heartbeats from the moment a sync is accepted,
 * then its outcome).
 */
final class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);

    /** A sync this node runs: the caller may wait for its report. */
    record Job(String id, CompletableFuture<SyncReport> result) {
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> daemon(r, "leerid-register-sync"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "leerid-register-sync-heartbeat"));

    Job submit(SyncJobStore store, String id, String realmName, RegisterSyncRun run, Path spool) {
        Job job = new Job(id, new CompletableFuture<>());
        long every = SyncJobStore.HEARTBEAT.toMillis();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(id);
            } catch (RuntimeException e) {
                LOG.warnf("LeerID register sync could not record its heartbeat: %s", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        executor.execute(() -> {
            try {
                SyncReport report = run.apply();
                LOG.infof("LeerID register sync for realm %s: %s%s; ms: %s", realmName, report.summary(),
                        RegisterSyncResource.problemSummary(report), run.phases());
                store.finish(id, JsonSerialization.writeValueAsString(report));
                job.result().complete(report);
            } catch (Throwable e) {
                LOG.errorf(e, "LeerID register sync for realm %s failed; accounts written so far stay; send the feed again", realmName);
                try {
                    store.fail(id);
                } catch (RuntimeException unrecorded) {
                    LOG.warnf("LeerID register sync could not record its failure (%s): the next poll will, once its heartbeat is stale",
                            unrecorded.getMessage());
                }
                job.result().completeExceptionally(e);
            } finally {
                beat.cancel(false);
                try {
                    Files.deleteIfExists(spool);
                } catch (Exception e) {
                    LOG.warnf("LeerID register sync could not delete its spool file: %s", e.getMessage());
                }
            }
        });
        return job;
    }

    void close() {
        executor.shutdownNow();
        heartbeats.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
