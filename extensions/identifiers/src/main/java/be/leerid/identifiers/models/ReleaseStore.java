package be.leerid.identifiers.models;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import be.leerid.identifiers.ReleaseRecord;
import be.leerid.identifiers.ServiceUse;
import be.leerid.identifiers.models.jpa.ReleaseEntity;
import be.leerid.identifiers.models.jpa.SchoolUseEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The release record's rows, in the session's database transaction. */
final class ReleaseStore {

    private static final int IDS_PER_QUERY = 500;

    private final EntityManager em;

    ReleaseStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * Records a release of {@code claims} on {@code day}; writes only if that changes the row.
     *
     * @return whether this is the pair's first release on {@code day} (the row is new or was last released before)
     */
    boolean record(String realmId, String userId, String clientId, LocalDate day, Collection<String> claims) {
        ReleaseEntity row = em.find(ReleaseEntity.class, new ReleaseEntity.Key(userId, clientId));
        if (row == null) {
            row = new ReleaseEntity();
            row.setUserId(userId);
            row.setClientId(clientId);
            row.setRealmId(realmId);
            row.setFirstDay(day);
            row.setLastDay(day);
            row.setClaims(ReleaseRecord.names(claims));
            em.persist(row);
            return true;
        }
        ReleaseRecord record = record(row);
        boolean firstToday = record.last().isBefore(day);
        if (record.changedBy(day, claims)) {
            ReleaseRecord after = record.after(day, claims);
            row.setFirstDay(after.first());
            row.setLastDay(after.last());
            row.setClaims(ReleaseRecord.names(after.claims()));
        }
        return firstToday;
    }

    /** One more of the school's people logged in to the service on {@code day}. */
    void countUse(String realmId, String clientId, String school, LocalDate day) {
        int updated = em.createQuery("update SchoolUseEntity u set u.people = u.people + 1 "
                        + "where u.clientId = :client and u.school = :school and u.day = :day")
                .setParameter("client", clientId).setParameter("school", school).setParameter("day", day)
                .executeUpdate();
        if (updated == 0) {
            SchoolUseEntity row = new SchoolUseEntity();
            row.setClientId(clientId);
            row.setSchool(school);
            row.setDay(day);
            row.setRealmId(realmId);
            row.setPeople(1);
            em.persist(row);
        }
    }

    /** The school's counts from {@code from} to {@code to} (both included), by day and service. */
    List<ServiceUse> useAt(String realmId, String school, LocalDate from, LocalDate to) {
        return em.createQuery("select u from SchoolUseEntity u where u.realmId = :realm and u.school = :school "
                        + "and u.day >= :from and u.day <= :to order by u.day, u.clientId", SchoolUseEntity.class)
                .setParameter("realm", realmId).setParameter("school", school).setParameter("from", from).setParameter("to", to)
                .getResultStream()
                .map(row -> new ServiceUse(row.getClientId(), row.getSchool(), row.getDay(), row.getPeople()))
                .toList();
    }

    List<ReleaseRecord> ofPerson(String userId) {
        return em.createQuery("select r from ReleaseEntity r where r.userId = :user order by r.lastDay desc", ReleaseEntity.class)
                .setParameter("user", userId)
                .getResultStream().map(ReleaseStore::record).toList();
    }

    /** The accounts among these with a release record; one query per {@value #IDS_PER_QUERY} accounts. */
    Set<String> knownAmong(Collection<String> userIds) {
        Set<String> known = new HashSet<>();
        List<String> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            known.addAll(em.createQuery("select distinct r.userId from ReleaseEntity r where r.userId in :users", String.class)
                    .setParameter("users", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList());
        }
        return known;
    }

    /** The rows of a service last released on or after {@code from} and first released on or before {@code to}. */
    Stream<ReleaseRecord> ofService(String clientId, LocalDate from, LocalDate to) {
        return em.createQuery("select r from ReleaseEntity r where r.clientId = :client and r.lastDay >= :from and r.firstDay <= :to "
                        + "order by r.lastDay, r.userId", ReleaseEntity.class)
                .setParameter("client", clientId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream().map(ReleaseStore::record);
    }

    /** A merge: the rows of {@code fromUserId} join those of {@code toUserId} (earliest first day, latest last day, all names). */
    void move(String realmId, String fromUserId, String toUserId) {
        for (ReleaseRecord row : ofPerson(fromUserId)) {
            record(realmId, toUserId, row.service(), row.first(), row.claims());
            record(realmId, toUserId, row.service(), row.last(), row.claims());
        }
        removePerson(fromUserId);
    }

    int removePerson(String userId) {
        return em.createQuery("delete from ReleaseEntity r where r.userId = :user").setParameter("user", userId).executeUpdate();
    }

    int removeService(String clientId) {
        em.createQuery("delete from SchoolUseEntity u where u.clientId = :client").setParameter("client", clientId).executeUpdate();
        return em.createQuery("delete from ReleaseEntity r where r.clientId = :client").setParameter("client", clientId).executeUpdate();
    }

    /** Retention: the rows of a realm last released before {@code day}, and its daily counts of before that day. */
    int removeLastReleasedBefore(String realmId, LocalDate day) {
        em.createQuery("delete from SchoolUseEntity u where u.realmId = :realm and u.day < :day")
                .setParameter("realm", realmId).setParameter("day", day).executeUpdate();
        return em.createQuery("delete from ReleaseEntity r where r.realmId = :realm and r.lastDay < :day")
                .setParameter("realm", realmId).setParameter("day", day).executeUpdate();
    }

    private static ReleaseRecord record(ReleaseEntity row) {
        return new ReleaseRecord(row.getClientId(), row.getUserId(), row.getFirstDay(), row.getLastDay(), ReleaseRecord.names(row.getClaims()));
    }
}
