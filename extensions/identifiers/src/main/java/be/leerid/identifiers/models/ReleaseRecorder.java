package be.leerid.identifiers.models;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import be.leerid.identifiers.ReleaseRecord;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Collects, for one request, the claims LeerID's mappers put into tokens and assertions, and keeps the release
 * record up to date: the client session remembers the day and names it last recorded, so a token that releases
 * nothing new on the same day costs no database access; otherwise the row is written after the request's own
 * transaction committed, in a transaction of its own (a failed write never fails a login). A pair's first release of
 * the day also counts the person once at the service for each school the service may see them at
 * ({@link be.leerid.identifiers.ServiceUse}).
 */
final class ReleaseRecorder {

    /** The client session's note: {@code day|names} last recorded for it. */
    static final String NOTE = "leerid.released";
    private static final Logger LOG = Logger.getLogger(ReleaseRecorder.class);

    private final KeycloakSession session;
    /** By user session and client: what this request's tokens released. */
    private final Map<String, Pending> released = new LinkedHashMap<>();
    private final Map<String, Pending> toWrite = new LinkedHashMap<>();

    private record Pending(AuthenticatedClientSessionModel clientSession, String realmId, String userId, String clientId,
                           List<String> schools, Set<String> claims) {
    }

    ReleaseRecorder(KeycloakSession session) {
        this.session = session;
    }

    /** @param schools the schools the service may see the person at; asked once per person and service in a request */
    void released(AuthenticatedClientSessionModel clientSession, String userId, String claim, Supplier<List<String>> schools) {
        if (released.isEmpty()) {
            session.getTransactionManager().enlistPrepare(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    markSessions();
                }

                @Override
                protected void rollbackImpl() {
                }
            });
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    write();
                }

                @Override
                protected void rollbackImpl() {
                }
            });
        }
        released.computeIfAbsent(clientSession.getUserSession().getId() + " " + clientSession.getClient().getId(),
                key -> new Pending(clientSession, clientSession.getRealm().getId(), userId, clientSession.getClient().getId(),
                        schools.get(), new TreeSet<>())).claims().add(claim);
    }

    /** Before the request commits: which pairs need a write, marked in their client sessions. */
    private void markSessions() {
        LocalDate today = ReleaseRecord.today(Time.currentTimeMillis());
        released.forEach((key, pending) -> {
            AuthenticatedClientSessionModel clientSession = pending.clientSession();
            Set<String> claims = pending.claims();
            String mark = clientSession.getNote(NOTE);
            Set<String> marked = ReleaseRecord.marked(mark, today);
            if (!marked.containsAll(claims)) {
                Set<String> all = new TreeSet<>(marked);
                all.addAll(claims);
                clientSession.setNote(NOTE, ReleaseRecord.mark(today, all));
                toWrite.put(key, pending);
            }
        });
    }

    private void write() {
        if (toWrite.isEmpty()) {
            return;
        }
        LocalDate today = ReleaseRecord.today(Time.currentTimeMillis());
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        toWrite.values().forEach(pending -> {
            boolean firstToday;
            try {
                firstToday = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> new ReleaseStore(s)
                        .record(pending.realmId(), pending.userId(), pending.clientId(), today, pending.claims()));
            } catch (RuntimeException e) {
                // Two nodes may insert the same new row at once; the other one's row holds the same release (and counted it).
                LOG.debugf(e, "LeerID release record not written for a service of realm %s", pending.realmId());
                return;
            }
            if (firstToday) {
                pending.schools().forEach(school -> count(factory, pending, school, today));
            }
        });
    }

    /** A day's first count of a school inserts its row; when two nodes insert it at once, the loser counts again by update. */
    private static void count(KeycloakSessionFactory factory, Pending pending, String school, LocalDate day) {
        for (int attempt = 1; ; attempt++) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> new ReleaseStore(s).countUse(pending.realmId(), pending.clientId(), school, day));
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    LOG.debugf(e, "LeerID daily use not counted for a service of realm %s", pending.realmId());
                    return;
                }
            }
        }
    }
}
