package be.leerid.register.services.resources;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import be.leerid.register.DesiredAccount;
import org.jboss.logging.Logger;

/**
 * Creates batches of new accounts on {@value #LANES} database connections at once. Creating is bound by the
 * database's CPU (index upkeep and foreign-key checks, one backend process per connection), and one
 * connection used one core of the database server while the other sat idle. At most {@value #LANES} batches
 * are in flight. A batch that fails, for example because two people in concurrent batches were given the same
 * username and the unique index refused the second, is created again after all others, alone, when its
 * username check sees theirs; a second failure fails the sync.
 */
final class CreationLanes implements AutoCloseable {

    static final int LANES = 2;
    private static final Logger LOG = Logger.getLogger(CreationLanes.class);

    private final ExecutorService pool = Executors.newFixedThreadPool(LANES, work -> new Thread(work, "leerid-register-create"));
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private final Queue<List<DesiredAccount>> failed = new ConcurrentLinkedQueue<>();
    private final Consumer<List<DesiredAccount>> create;

    /** @param create creates the accounts of a batch in one transaction of its own */
    CreationLanes(Consumer<List<DesiredAccount>> create) {
        this.create = create;
    }

    /** Hands the batch to a free lane, waiting for one if all are busy. */
    void submit(List<DesiredAccount> batch) {
        while (inFlight.size() >= LANES) {
            await(inFlight.removeFirst());
        }
        inFlight.addLast(pool.submit(() -> {
            try {
                create.accept(batch);
            } catch (RuntimeException e) {
                // The message may name a username: only the kind of failure is logged.
                LOG.infof("LeerID register sync: a batch of %d new accounts failed (%s); it is created again after the others",
                        batch.size(), e.getClass().getSimpleName());
                failed.add(batch);
            }
        }));
    }

    /** Waits for every batch in flight, then creates the failed ones again, one at a time. */
    void finish() {
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
        for (List<DesiredAccount> batch = failed.poll(); batch != null; batch = failed.poll()) {
            create.accept(batch);
        }
    }

    private static void await(Future<?> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating accounts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating accounts failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
