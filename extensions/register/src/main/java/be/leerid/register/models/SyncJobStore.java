package be.leerid.register.models;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import be.leerid.register.models.jpa.SyncJobEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Register syncs in the database, so every node of a cluster answers a poll, and one sync per register runs at a
 * time cluster-wide. The node running a sync beats every {@link #HEARTBEAT}; a sync whose node has not beaten for
 * {@link #STALE} (the node died, or lost the database) is failed by whoever looks at it next, and the register
 * may send the feed again. Each call is its own transaction. Times are the machines' wall clocks (not Keycloak's,
 * which tests move).
 */
public final class SyncJobStore {

    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration STALE = Duration.ofSeconds(30);
    /** Ended syncs stay this long for their callers to read. */
    private static final Duration KEPT = Duration.ofDays(7);

    public enum Status { RUNNING, DONE, FAILED }

    /** @param report the report as JSON, when done */
    public record Job(String id, String register, Status status, String report) {
    }

    private final KeycloakSessionFactory factory;
    private final String node;

    public SyncJobStore(KeycloakSessionFactory factory, String node) {
        this.factory = factory;
        this.node = node;
    }

    /** @return the new sync's id, or empty if this register's sync is already running somewhere in the cluster */
    public Optional<String> start(String realmId, String register) {
        long now = System.currentTimeMillis();
        String key = realmId + "/" + register;
        inTransaction(em -> {
            failStale(em, "j.runningKey = :key", "key", key, now);
            return em.createQuery("delete from SyncJobEntity j where j.ended < :before")
                    .setParameter("before", now - KEPT.toMillis()).executeUpdate();
        });
        String id = UUID.randomUUID().toString();
        try {
            inTransaction(em -> {
                SyncJobEntity job = new SyncJobEntity();
                job.setId(id);
                job.setRealmId(realmId);
                job.setRegister(register);
                job.setStatus(Status.RUNNING.name());
                job.setRunningKey(key);
                job.setNode(node);
                job.setStarted(now);
                job.setHeartbeat(now);
                em.persist(job);
                em.flush();
                return null;
            });
            return Optional.of(id);
        } catch (RuntimeException e) {
            boolean running = inTransaction(em -> !em.createQuery("select j.id from SyncJobEntity j where j.runningKey = :key", String.class)
                    .setParameter("key", key).getResultList().isEmpty());
            if (running) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void heartbeat(String id) {
        inTransaction(em -> em.createQuery("update SyncJobEntity j set j.heartbeat = :now where j.id = :id and j.runningKey is not null")
                .setParameter("now", System.currentTimeMillis()).setParameter("id", id).executeUpdate());
    }

    public void finish(String id, String report) {
        end(id, Status.DONE, report);
    }

    public void fail(String id) {
        end(id, Status.FAILED, null);
    }

    /** A sync that never started (the guard refused it): as if it had not been asked for. */
    public void abandon(String id) {
        inTransaction(em -> em.createQuery("delete from SyncJobEntity j where j.id = :id").setParameter("id", id).executeUpdate());
    }

    /** The sync as it stands now; a running one whose node stopped beating is failed first. */
    public Optional<Job> find(String realmId, String id) {
        return inTransaction(em -> {
            failStale(em, "j.id = :id", "id", id, System.currentTimeMillis());
            SyncJobEntity job = em.find(SyncJobEntity.class, id);
            return job == null || !job.getRealmId().equals(realmId) ? Optional.empty()
                    : Optional.of(new Job(job.getId(), job.getRegister(), Status.valueOf(job.getStatus()), job.getReport()));
        });
    }

    private void end(String id, Status status, String report) {
        inTransaction(em -> em.createQuery("update SyncJobEntity j set j.status = :status, j.runningKey = null, j.ended = :now, "
                        + "j.report = :report where j.id = :id and j.runningKey is not null")
                .setParameter("status", status.name()).setParameter("now", System.currentTimeMillis())
                .setParameter("report", report).setParameter("id", id).executeUpdate());
    }

    private static int failStale(EntityManager em, String which, String name, String value, long now) {
        return em.createQuery("update SyncJobEntity j set j.status = :failed, j.runningKey = null, j.ended = :now where "
                        + which + " and j.runningKey is not null and j.heartbeat < :cutoff")
                .setParameter("failed", Status.FAILED.name()).setParameter("now", now)
                .setParameter(name, value).setParameter("cutoff", now - STALE.toMillis()).executeUpdate();
    }

    private <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory,
                (KeycloakSession session) -> work.apply(session.getProvider(JpaConnectionProvider.class).getEntityManager()));
    }
}
