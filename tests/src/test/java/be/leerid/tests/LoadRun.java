package be.leerid.tests;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load on the cluster: a few workers, each in a loop, log a learner in (authorization request,
 * login form, code exchange) and refresh the tokens once. Every operation is recorded with its start and
 * outcome, so a test can tell when failures happened.
 */
final class LoadRun {

    record Outcome(long startedNanos, long endedNanos, String operation, boolean ok, String failure) {

        /** Whether this operation was still running at, or started after, the given moment. */
        boolean reaches(long moment) {
            return endedNanos >= moment;
        }

        boolean startsAfter(long moment) {
            return startedNanos > moment;
        }
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    private LoadRun() {
    }

    /** Starts workers on base, with the accounts from firstAccount to the last one. */
    static LoadRun start(URI base, ClusterAccounts accounts, int firstAccount, int workers) {
        LoadRun run = new LoadRun();
        AtomicInteger next = new AtomicInteger();
        int pool = accounts.count() - firstAccount;
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                while (run.running.get()) {
                    int account = firstAccount + Math.floorMod(next.getAndIncrement(), pool);
                    ClusterBrowser.Tokens tokens = run.record("login", () ->
                            new ClusterBrowser().login(base, accounts.username(account), accounts.password(account)));
                    if (tokens != null) {
                        run.record("refresh", () -> ClusterBrowser.refresh(base, tokens));
                    }
                }
            }, "cluster-load-" + w);
            run.workers.add(worker);
            worker.start();
        }
        return run;
    }

    List<Outcome> stop() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        return List.copyOf(outcomes);
    }

    /**
     * A summary of the run around the moment a node was killed: operations that ended before the kill,
     * those running at the kill or started within the window after it, and those started after the window.
     */
    static String report(List<Outcome> outcomes, long killedAt, Duration window) {
        long windowEnd = killedAt + window.toNanos();
        List<Outcome> before = outcomes.stream().filter(o -> !o.reaches(killedAt)).toList();
        List<Outcome> during = outcomes.stream().filter(o -> o.reaches(killedAt) && !o.startsAfter(windowEnd)).toList();
        List<Outcome> after = outcomes.stream().filter(o -> o.startsAfter(windowEnd)).toList();
        StringBuilder report = new StringBuilder(String.format(
                "Failover under load: %d operations (login = authorization request + login form + code exchange; refresh)%n",
                outcomes.size()));
        report.append(line("ended before the kill", before));
        report.append(line("running at the kill or started in the " + window.toSeconds() + " s after it", during));
        report.append(line("started after that", after));
        outcomes.stream().filter(o -> !o.ok()).limit(20).forEach(failure -> report.append(String.format(
                "  failed, started at %+d ms after the kill: %s (%s)%n", (failure.startedNanos() - killedAt) / 1_000_000,
                failure.operation(), failure.failure())));
        return report.toString();
    }

    private static String line(String what, List<Outcome> outcomes) {
        return String.format("  %s: %d, of which %d failed%n", what, outcomes.size(), outcomes.stream().filter(o -> !o.ok()).count());
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T record(String operation, Step<T> step) {
        long started = System.nanoTime();
        try {
            T result = step.run();
            outcomes.add(new Outcome(started, System.nanoTime(), operation, true, null));
            return result;
        } catch (Exception e) {
            outcomes.add(new Outcome(started, System.nanoTime(), operation, false, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return null;
        }
    }
}
