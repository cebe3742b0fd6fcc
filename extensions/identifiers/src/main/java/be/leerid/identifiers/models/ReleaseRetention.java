package be.leerid.identifiers.models;

import java.time.LocalDate;

import be.leerid.identifiers.ReleaseRecord;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/** Removes release records whose last release is more than {@link ReleaseRecord#RETENTION_DAYS} days ago. */
final class ReleaseRetention implements ScheduledTask {

    static final String TASK_NAME = "leerid-release-retention";
    private static final Logger LOG = Logger.getLogger(ReleaseRetention.class);

    @Override
    public void run(KeycloakSession session) {
        LocalDate before = ReleaseRecord.expiredBefore(ReleaseRecord.today(Time.currentTimeMillis()));
        ReleaseStore store = new ReleaseStore(session);
        session.realms().getRealmsStream().forEach(realm -> {
            int removed = store.removeLastReleasedBefore(realm.getId(), before);
            if (removed > 0) {
                LOG.infof("LeerID retention: removed %d release records of realm %s last released before %s", removed, realm.getName(), before);
            }
        });
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
