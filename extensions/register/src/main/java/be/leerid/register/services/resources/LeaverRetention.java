package be.leerid.register.services.resources;

import java.time.LocalDate;
import java.util.List;

import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.services.BackgroundRequest;
import be.leerid.register.RetentionPolicy;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/** Deletes the accounts of people who left the register longer ago than the retention period. */
final class LeaverRetention implements ScheduledTask {

    static final String TASK_NAME = "leerid-leaver-retention";
    private static final Logger LOG = Logger.getLogger(LeaverRetention.class);
    private static final int MAX_PER_RUN = 10_000;

    private final RetentionPolicy policy;
    /** The last register feed's request: the daily run acts for it, so services hear of deletions under the realm's issuer. */
    private volatile BackgroundRequest lastFeed;

    LeaverRetention(RetentionPolicy policy) {
        this.policy = policy;
    }

    /** Called with every feed's request. */
    void remember(BackgroundRequest feed) {
        lastFeed = feed;
    }

    @Override
    public void run(KeycloakSession session) {
        BackgroundRequest feed = lastFeed;
        if (feed == null) {
            // No feed since this node started: the next run, after one, deletes what is due (a day later at most).
            LOG.debug("LeerID retention waits for a register feed on this node");
            return;
        }
        feed.attach(session);
        session.realms().getRealmsStream().forEach(realm -> purge(session, realm, LocalDate.now()));
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    /** @return how many accounts were deleted */
    int purge(KeycloakSession session, RealmModel realm, LocalDate today) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // ISO dates compare as strings.
        List<String> due = em.createQuery("select u.id from UserAttributeEntity a join a.user u where u.realmId = :realm "
                        + "and a.name = :name and a.value < :cutoff and u.enabled = false", String.class)
                .setParameter("realm", realm.getId())
                .setParameter("name", UserAttributes.LEFT_ON)
                .setParameter("cutoff", policy.cutoff(today).toString())
                .setMaxResults(MAX_PER_RUN)
                .getResultList();
        int deleted = 0;
        for (String id : due) {
            UserModel user = session.users().getUserById(realm, id);
            if (user != null && session.users().removeUser(realm, user)) {
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.infof("LeerID retention: deleted %d accounts of realm %s that left the register more than %d days ago",
                    deleted, realm.getName(), policy.days());
        }
        return deleted;
    }
}
