package be.leerid.transparency.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventStoreProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The realm's event store: Keycloak's own ({@code jpa}, the same tables and queries), but a login event is handed
 * to a queue and written with the others of the last {@value #DEFAULT_FLUSH_MILLIS} ms in one transaction, off the
 * login's own path, so that keeping every login costs single sign-on (a few milliseconds) almost nothing. Admin
 * events are written at once. A node that is killed loses at most the queue's last moments (as PostgreSQL's
 * asynchronous commit, which Keycloak already uses for events, may); a node that stops writes its queue first.
 * The default event store by its order, so no server option is needed.
 */
public final class BatchedEventStoreProviderFactory implements EventStoreProviderFactory {

    public static final String PROVIDER_ID = "leerid-batched-jpa";
    static final String DELEGATE = "jpa";
    private static final String FLUSH_OPTION = "flush-interval-millis";
    private static final long DEFAULT_FLUSH_MILLIS = 500;
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 1_000;
    private static final Logger LOG = Logger.getLogger(BatchedEventStoreProviderFactory.class);

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(CAPACITY);
    private long flushMillis = DEFAULT_FLUSH_MILLIS;
    private ScheduledExecutorService flusher;
    private KeycloakSessionFactory factory;

    @Override
    public EventStoreProvider create(KeycloakSession session) {
        return new BatchedEventStore(session, queue);
    }

    @Override
    public void init(Config.Scope config) {
        flushMillis = config.getLong(FLUSH_OPTION, DEFAULT_FLUSH_MILLIS);
        if (flushMillis < 10) {
            throw new IllegalArgumentException(FLUSH_OPTION + " must be at least 10, not " + flushMillis);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.factory = factory;
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "leerid-event-store");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes what is queued, a batch per transaction. */
    private void flush() {
        List<Event> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    EventStoreProvider store = session.getProvider(EventStoreProvider.class, DELEGATE);
                    batch.forEach(store::onEvent);
                });
            } catch (RuntimeException e) {
                LOG.warnf("LeerID could not store %d login events: %s", batch.size(), e.getClass().getSimpleName());
            }
            batch.clear();
        }
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf("LeerID could not store the last %d login events at shutdown", queue.size());
            }
        }
    }

    /** Above Keycloak's {@code jpa} store (order 0): the realm's default event store without a server option. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(FLUSH_OPTION).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds between two writes of the queued login events (at least 10).")
                .defaultValue(DEFAULT_FLUSH_MILLIS).add()
                .build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
