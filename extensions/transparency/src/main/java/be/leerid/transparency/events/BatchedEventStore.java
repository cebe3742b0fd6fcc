package be.leerid.transparency.events;

import java.util.concurrent.BlockingQueue;

import org.keycloak.events.Event;
import org.keycloak.events.EventQuery;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AdminEventQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Keycloak's JPA event store, with login events queued for {@link BatchedEventStoreProviderFactory} to write. */
final class BatchedEventStore implements EventStoreProvider {

    private final KeycloakSession session;
    private final BlockingQueue<Event> queue;

    BatchedEventStore(KeycloakSession session, BlockingQueue<Event> queue) {
        this.session = session;
        this.queue = queue;
    }

    private EventStoreProvider jpa() {
        return session.getProvider(EventStoreProvider.class, BatchedEventStoreProviderFactory.DELEGATE);
    }

    @Override
    public void onEvent(Event event) {
        // A copy: the event builder may go on using its event. A full queue writes at once rather than lose it.
        if (!queue.offer(event.clone())) {
            jpa().onEvent(event);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        jpa().onEvent(event, includeRepresentation);
    }

    @Override
    public EventQuery createQuery() {
        return jpa().createQuery();
    }

    @Override
    public AdminEventQuery createAdminQuery() {
        return jpa().createAdminQuery();
    }

    @SuppressWarnings("removal")
    @Override
    public void clear() {
        jpa().clear();
    }

    @Override
    public void clear(RealmModel realm) {
        jpa().clear(realm);
    }

    @Override
    public void clear(RealmModel realm, long olderThan) {
        jpa().clear(realm, olderThan);
    }

    @Override
    public void clearExpiredEvents() {
        jpa().clearExpiredEvents();
    }

    @SuppressWarnings("removal")
    @Override
    public void clearAdmin() {
        jpa().clearAdmin();
    }

    @Override
    public void clearAdmin(RealmModel realm) {
        jpa().clearAdmin(realm);
    }

    @Override
    public void clearAdmin(RealmModel realm, long olderThan) {
        jpa().clearAdmin(realm, olderThan);
    }

    @Override
    public void close() {
    }
}
