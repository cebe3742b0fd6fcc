package be.leerid.register.services.resources;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import be.leerid.register.DesiredAccount;
import org.jboss.logging.Logger;

/**
 * Creates batches of new accounts on {@value #LANES} database connections at once. Creating is bound by the
 * database's CPU (index upkeep and foreign-key checks, one backend process per connection), and one
 * connection used one core of the database server while the other sat idle. At most {@value #LANES} batches
 * are in flight. A batch that a unique index refuses (two people in concurrent batches given the same
 * username) is created again after all others, alone, when its username check sees theirs; a second refusal,
 * or any other failure (the database gone), fails the sync, after the batches in flight have ended, so that
 * a feed sent again never runs beside them.
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
                if (!refusedByConstraint(e)) {
                    throw e;
                }
                // The message may name a username: only the kind of failure is logged.
                LOG.infof("LeerID register sync: a batch of %d new accounts was refused by a unique index; it is created again "
                        + "after the others", batch.size());
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

    /** An integrity constraint refused a statement (SQLSTATE class 23, on PostgreSQL and H2 alike). */
    private static boolean refusedByConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
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

    /** Waits for every batch in flight to end, however long the database takes to answer. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.infof("LeerID register sync: waiting for a batch of new accounts to end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
