package be.leerid.register.services.resources;

import java.time.LocalDate;
import java.util.List;

import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.services.BackgroundRequest;
import be.leerid.identifiers.BelgianDays;
import be.leerid.register.RetentionPolicy;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Once a day: people whose grace between schools ended without a new school become leavers (disabled, services told),
 * and the accounts of people who left longer ago than the retention period are deleted.
 */
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
        LocalDate today = BelgianDays.of(Time.currentTimeMillis());
        session.realms().getRealmsStream().forEach(realm -> {
            endGraces(session, realm, today);
            purge(session, realm, today);
        });
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    /**
     * Disables the accounts whose grace between schools ended before {@code today} without a sync giving them a
     * school (which removes {@value UserAttributes#MEMBER_UNTIL}).
     *
     * @return how many accounts were disabled
     */
    int endGraces(KeycloakSession session, RealmModel realm, LocalDate today) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<String> due = em.createQuery("select u.id from UserAttributeEntity a join a.user u where u.realmId = :realm "
                        + "and a.name = :name and a.value < :today and u.enabled = true", String.class)
                .setParameter("realm", realm.getId())
                .setParameter("name", UserAttributes.MEMBER_UNTIL)
                .setParameter("today", today.toString())
                .setMaxResults(MAX_PER_RUN)
                .getResultList();
        int disabled = 0;
        for (List<String> chunk : InList.chunks(due)) {
            disabled += Leavers.disable(session, realm, chunk, today);
        }
        if (disabled > 0) {
            LOG.infof("LeerID: %d accounts of realm %s became leavers: their grace between schools ended", disabled, realm.getName());
        }
        return disabled;
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
