package be.leerid.benchmarks.newcomer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.leerid.tools.server.LeerIdRepository;
import be.leerid.tools.server.ServerProcess;

/**
 * How long a newcomer waits: {@code ./leerid dev} in a fresh clone of this repository (the committed work; Maven's
 * and npm's caches are the machine's, warm), timed from the command to "ready" (the realm's discovery answers), to
 * the welcome (demo services' clients and the demo register loaded) and to the end of a scripted first login (the
 * demo walk's first step: Lotte logs in at Smartschool (demo) with her password and the service shows what it
 * received). Then Ctrl-C and {@code ./leerid dev} again in the same clone: the restart. Each round is a new clone.
 * Prints each round and the minimum, median and maximum next to the goals (under 3 minutes to a first login, under
 * 60 s for a restart).
 *
 * <pre>java ... be.leerid.benchmarks.newcomer.NewcomerBenchmark [ROUNDS]</pre>
 */
public final class NewcomerBenchmark {

    private static final URI DISCOVERY = URI.create("http://localhost:8080/realms/leerid/.well-known/openid-configuration");
    private static final URI SMARTSCHOOL = URI.create("http://localhost:8181/");
    private static final String WELCOME = "LeerID is running";
    private static final Duration FIRST_RUN_LIMIT = Duration.ofMinutes(20);
    private static final Duration GOAL_FIRST_LOGIN = Duration.ofMinutes(3);
    private static final Duration GOAL_RESTART = Duration.ofSeconds(60);

    private NewcomerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        Path work = repository.target().resolve("bench-newcomer");
        if (ServerProcess.statusOf(DISCOVERY) != -1 || ServerProcess.statusOf(SMARTSCHOOL) != -1) {
            throw new IllegalStateException("something already answers on port 8080 or 8181: stop ./leerid dev (or a test server) first");
        }
        List<Timings> fresh = new ArrayList<>();
        List<Timings> restarts = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path clone = work.resolve("clone");
            FreshClone.make(repository.root(), clone);
            Timings first = run(clone, work.resolve("dev-" + round + "-fresh.log"));
            Timings again = run(clone, work.resolve("dev-" + round + "-restart.log"));
            fresh.add(first);
            restarts.add(again);
            System.out.printf(Locale.ROOT, "round %d of %d  fresh clone: ready %s, welcome %s, first login done %s (the login itself %s)"
                    + "  |  restart: ready %s, welcome %s, login done %s%n", round, rounds, s(first.ready()), s(first.welcome()),
                    s(first.loggedIn()), s(first.login()), s(again.ready()), s(again.welcome()), s(again.loggedIn()));
        }
        String table = Timings.table(fresh, restarts, GOAL_FIRST_LOGIN, GOAL_RESTART, rounds, LocalDate.now());
        System.out.println();
        System.out.println(table);
        Files.writeString(work.resolve("results.md"), table);
    }

    /** One {@code ./leerid dev} in the clone, timed from its start; stopped as Ctrl-C would (SIGTERM to its tree). */
    private static Timings run(Path clone, Path log) throws Exception {
        // The welcome is read from this log: an earlier run's must not count.
        Files.deleteIfExists(log);
        long start = System.nanoTime();
        ServerProcess dev = ServerProcess.start("./leerid dev", new ProcessBuilder("./leerid", "dev").directory(clone.toFile()), log);
        try {
            Duration ready = dev.awaitStatus(DISCOVERY, 200, FIRST_RUN_LIMIT);
            Duration welcome = awaitLine(dev, log, WELCOME, start);
            long loginStart = System.nanoTime();
            new DemoLogin(SMARTSCHOOL).logIn("lotte.peeters", "Leerling-demo-1", "Lotte");
            long end = System.nanoTime();
            return new Timings(ready, welcome, Duration.ofNanos(end - start), Duration.ofNanos(end - loginStart));
        } finally {
            dev.stop();
        }
    }

    /** Waits for the line in the command's output; how long since the command started. */
    private static Duration awaitLine(ServerProcess dev, Path log, String line, long start) throws Exception {
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(FIRST_RUN_LIMIT) < 0) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (!dev.isAlive()) {
                throw new IllegalStateException("./leerid dev stopped before its welcome; see " + log);
            }
            ServerProcess.pause(100);
        }
        throw new IllegalStateException("./leerid dev printed no welcome within " + FIRST_RUN_LIMIT + "; see " + log);
    }

    static String s(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
