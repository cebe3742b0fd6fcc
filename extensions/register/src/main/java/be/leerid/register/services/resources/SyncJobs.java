package be.leerid.register.services.resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import be.leerid.register.SyncReport;
import org.jboss.logging.Logger;

/**
 * Runs syncs one at a time, outside any HTTP request's transaction: a full register takes
 * minutes, longer than a request transaction may live. A caller waits for a short sync and polls
 * {@code jobs/{id}} for a long one. Jobs live on the node that took the feed, for an hour after
 * they end.
 */
final class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    record Job(String id, String realmId, CompletableFuture<SyncReport> result, Instant[] ended) {
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "leerid-register-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    Job submit(String realmId, String realmName, RegisterSyncRun run, Path spool) {
        forgetOldJobs();
        Job job = new Job(UUID.randomUUID().toString(), realmId, new CompletableFuture<>(), new Instant[1]);
        jobs.put(job.id(), job);
        executor.execute(() -> {
            try {
                SyncReport report = run.apply();
                LOG.infof("LeerID register sync for realm %s: %s%s; ms: %s", realmName, report.summary(),
                        RegisterSyncResource.problemSummary(report), run.phases());
                job.result().complete(report);
            } catch (Throwable e) {
                LOG.errorf(e, "LeerID register sync for realm %s failed; accounts written so far stay", realmName);
                job.result().completeExceptionally(e);
            } finally {
                job.ended()[0] = Instant.now();
                try {
                    Files.deleteIfExists(spool);
                } catch (Exception e) {
                    LOG.warnf("LeerID register sync could not delete its spool file: %s", e.getMessage());
                }
            }
        });
        return job;
    }

    Optional<Job> find(String realmId, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.realmId().equals(realmId));
    }

    void close() {
        executor.shutdownNow();
    }

    private void forgetOldJobs() {
        Instant cutoff = Instant.now().minus(KEPT);
        jobs.values().removeIf(job -> job.ended()[0] != null && job.ended()[0].isBefore(cutoff));
    }
}
