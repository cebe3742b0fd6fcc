package be.leerid.transparency.models;

import java.util.List;
import java.util.UUID;

import be.leerid.transparency.models.jpa.SignalEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The Shared Signals queue: signed tokens waiting for their receivers, in the session's database transaction. */
public final class SignalOutbox {

    private final EntityManager em;

    public SignalOutbox(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void queue(String realmId, String clientId, String receiver, String token, long now) {
        SignalEntity signal = new SignalEntity();
        signal.setId(UUID.randomUUID().toString());
        signal.setRealmId(realmId);
        signal.setClientId(clientId);
        signal.setReceiver(receiver);
        signal.setToken(token);
        signal.setCreated(now);
        signal.setAttempts(0);
        signal.setNextAttempt(now);
        em.persist(signal);
    }

    /** The tokens due at {@code now}, oldest first. */
    public List<SignalEntity> due(long now, int max) {
        return em.createQuery("select s from SignalEntity s where s.nextAttempt <= :now order by s.nextAttempt, s.created", SignalEntity.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    public void remove(SignalEntity signal) {
        em.remove(signal);
    }

    public long waiting(String realmId) {
        return em.createQuery("select count(s) from SignalEntity s where s.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
    }
}
