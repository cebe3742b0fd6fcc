package be.leerid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.leerid.tools.server.KeycloakHomes;
import be.leerid.tools.server.LeerIdRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * LeerID against vanilla Keycloak (the same distribution) in the same run. All servers are started and warmed up; then
 * each scenario runs on one after the other, never on two at once, so that each gets the same load at nearly the same
 * moment and slow drift of the machine cancels out; the order rotates by round so that going first or last favours
 * none. Then each holds a number of sessions for its resident memory. Prints throughput, p50/p95/p99, server CPU per
 * operation and the ratio of every side to the first (the reference), and writes them as Markdown to
 * bench/target/bench-results.md.
 *
 * <p>COMPARE names the sides, the reference first: "fair,leerid,vanilla" by default (fair: vanilla Keycloak giving
 * the services the same claims with Keycloak's own mappers; vanilla: LeerID's realm with LeerID's mappers taken out,
 * the earlier baseline). A second server of the reference's kind runs beside them (the A/A pair), so every ratio is
 * printed next to the noise band of the same run; -Dbench.aa=false leaves it out.
 *
 * <pre>java ... be.leerid.bench.LoadBenchmark ROUNDS SECONDS USERS SESSIONS[,SESSIONS...] [COMPARE]</pre>
 */
public final class LoadBenchmark {

    /** "badge": a learner's QR badge login on LeerID; vanilla Keycloak has no badges, so there it is its password login. */
    static final List<String> ALL_OPERATIONS = List.of("login", "badge", "sso", "refresh", "client-credentials", "saml", "userinfo");
    /** -Dbench.operations=login,sso runs only those scenarios (for a closer look; the table needs all). */
    static final List<String> OPERATIONS = List.of(System.getProperty("bench.operations", String.join(",", ALL_OPERATIONS)).split(","));
    /** -Dbench.jfr=true records each measured turn with Java Flight Recorder, to bench/target/jfr/. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    /** -Dbench.aa=false: no second server of the reference's kind (no noise band; one server, and its turns, less). */
    private static final boolean AA = Boolean.parseBoolean(System.getProperty("bench.aa", "true"));
    static final List<String> VARIANTS = List.of("fair", "vanilla", "leerid", "quiet");
    private static final int ACCOUNTS = 100;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Integer> sessions = new ArrayList<>();
        if (args.length > 3 && !args[3].equals("0")) {
            for (String count : args[3].split(",")) {
                sessions.add(Integer.parseInt(count));
            }
        }
        List<String> compared = List.of((args.length > 4 ? args[4] : "fair,leerid,vanilla").split(","));
        if (compared.size() < 2 || compared.size() > 4 || !VARIANTS.containsAll(compared)) {
            throw new IllegalArgumentException("COMPARE is two to four of " + VARIANTS + ", the reference first (fair: vanilla Keycloak "
                    + "with Keycloak's own mappers; vanilla: LeerID's realm without LeerID's mappers; quiet: LeerID without release "
                    + "record and events), e.g. fair,leerid,vanilla or quiet,leerid");
        }
        if (!ALL_OPERATIONS.containsAll(OPERATIONS)) {
            throw new IllegalArgumentException("bench.operations " + OPERATIONS + " names a scenario that is not one of " + ALL_OPERATIONS);
        }
        List<String> sides = new ArrayList<>(compared);
        if (AA) {
            sides.add(compared.get(0));
        }
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        Path root = repository.root();
        KeycloakHomes homes = new KeycloakHomes(repository);
        Map<String, Path> home = Map.of("leerid", homes.cluster(), "quiet", homes.cluster(), "vanilla", homes.vanilla(), "fair", homes.vanilla());
        List<String> labels = labels(sides);
        Results results = new Results(labels, AA ? sides.size() - 1 : -1);
        List<BenchServer> servers = new ArrayList<>();
        try {
            for (int side = 0; side < sides.size(); side++) {
                System.out.printf("starting %s%n", labels.get(side));
                servers.add(BenchServer.start(root, home.get(sides.get(side)), sides.get(side), side, ACCOUNTS));
            }
            // Warm-up, not counted: every scenario on every server for as long as a measured turn. On two cores
            // shared by the servers and the driver, a third of a turn left the JITs still compiling
            // through the measured SSO turns (JFR: about 20 s of compilation per 30-s turn).
            for (String operation : OPERATIONS) {
                for (BenchServer server : servers) {
                    GatlingRun.run(root, server.base(), operation, Math.max(5, seconds), users, ACCOUNTS);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                System.out.printf("round %d of %d%n", round, rounds);
                for (String operation : OPERATIONS) {
                    for (int side : turnOrder(round, sides.size())) {
                        BenchServer server = servers.get(side);
                        if (JFR) {
                            server.startRecording();
                        }
                        long cpuBefore = server.cpuMillis();
                        GatlingRun.Stats stats = GatlingRun.run(root, server.base(), operation, seconds, users, ACCOUNTS);
                        long cpu = server.cpuMillis() - cpuBefore;
                        if (JFR) {
                            Path recording = root.resolve("bench/target/jfr/" + operation + "-" + round + "-"
                                    + labels.get(side).replace(' ', '-') + ".jfr");
                            server.stopRecording(recording);
                            System.out.printf("  recorded %s%n", root.relativize(recording));
                        }
                        if (stats.ok() == 0) {
                            throw new IllegalStateException(operation + " on " + labels.get(side) + " never succeeded; see bench/target/gatling-"
                                    + operation + ".log");
                        }
                        results.add(side, operation, stats, (double) cpu / stats.ok());
                        System.out.printf("  %-18s %-18s %8.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %6.2f ms CPU/op  (%d failed)%n",
                                operation, labels.get(side), stats.throughput(), stats.p50(), stats.p95(), stats.p99(),
                                (double) cpu / stats.ok(), stats.failed());
                    }
                }
            }
            for (int side = 0; side < compared.size(); side++) {
                for (Map.Entry<Integer, Long> rss : SessionMemory.measure(servers.get(side), sessions, ACCOUNTS).entrySet()) {
                    results.rss(side, rss.getKey(), rss.getValue());
                    System.out.printf("  %s RSS with %,d sessions: %d MiB%n", labels.get(side), rss.getKey(), rss.getValue());
                }
            }
        } finally {
            for (BenchServer server : servers) {
                server.close();
            }
        }
        String table = results.markdown(rounds, seconds, users);
        System.out.println();
        System.out.println(table);
        Files.writeString(root.resolve("bench/target/bench-results.md"), table);
    }

    /** The servers' turns in a round: rotated by one each round, so over as many rounds as servers each goes first once. */
    static List<Integer> turnOrder(int round, int servers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            order.add((i + round - 1) % servers);
        }
        return order;
    }

    /** "Keycloak mappers", "LeerID", "LeerID quiet" or "vanilla stripped"; a kind that runs twice is numbered ("... 1", "... 2"). */
    static List<String> labels(List<String> sides) {
        List<String> labels = new ArrayList<>();
        for (int slot = 0; slot < sides.size(); slot++) {
            String name = switch (sides.get(slot)) {
                case "leerid" -> "LeerID";
                case "quiet" -> "LeerID quiet";
                case "fair" -> "Keycloak mappers";
                default -> "vanilla stripped";
            };
            String kind = sides.get(slot);
            long same = sides.stream().filter(kind::equals).count();
            long before = sides.subList(0, slot).stream().filter(kind::equals).count();
            labels.add(same > 1 ? name + " " + (before + 1) : name);
        }
        return labels;
    }

    /** Every turn, per side (slot 0 is the reference) and operation; ratios are always a side against the reference. */
    private static final class Results {
        private final List<String> labels;
        /** The second server of the reference's kind, or -1 without an A/A pair. */
        private final int twin;
        private final Map<String, List<double[]>> runs = new LinkedHashMap<>();
        private final Map<String, Long> memory = new LinkedHashMap<>();
        private final List<Integer> sessionCounts = new ArrayList<>();

        Results(List<String> labels, int twin) {
            this.labels = labels;
            this.twin = twin;
        }

        void add(int slot, String operation, GatlingRun.Stats stats, double cpuPerOp) {
            runs.computeIfAbsent(slot + "/" + operation, k -> new ArrayList<>())
                    .add(new double[] {stats.throughput(), stats.p50(), stats.p95(), stats.p99(), cpuPerOp, stats.failed()});
        }

        void rss(int slot, int sessions, long mebibytes) {
            memory.put(slot + "/" + sessions, mebibytes);
            if (!sessionCounts.contains(sessions)) {
                sessionCounts.add(sessions);
            }
        }

        private double mean(String key, int column) {
            return runs.getOrDefault(key, List.of()).stream().mapToDouble(r -> r[column]).average().orElse(Double.NaN);
        }

        /** The ratio side / reference of each single round, sorted, for a column (0 throughput, 4 CPU per operation). */
        private double[] roundRatios(int slot, String operation, int column) {
            List<double[]> x = runs.getOrDefault("0/" + operation, List.of());
            List<double[]> y = runs.getOrDefault(slot + "/" + operation, List.of());
            double[] ratios = new double[Math.min(x.size(), y.size())];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = y.get(i)[column] / x.get(i)[column];
            }
            Arrays.sort(ratios);
            return ratios;
        }

        /**
         * Lowest, median and highest throughput ratio of a single round: how much one round alone can
         * be trusted, and a middle that one disturbed turn does not move.
         */
        private String roundRange(int slot, String operation) {
            double[] ratios = roundRatios(slot, operation, 0);
            if (ratios.length == 0) {
                return "-";
            }
            int n = ratios.length;
            double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", ratios[0], median, ratios[n - 1]);
        }

        /** The A/A pair's band for a column: mean ratio, and its lowest and highest single round. */
        private String noiseBand(String operation, int column) {
            if (twin < 0) {
                return "-";
            }
            double[] ratios = roundRatios(twin, operation, column);
            if (ratios.length == 0) {
                return "-";
            }
            double mean = mean(twin + "/" + operation, column) / mean("0/" + operation, column);
            return String.format(Locale.ROOT, "%.3f (%.2f - %.2f)", mean, ratios[0], ratios[ratios.length - 1]);
        }

        String markdown(int rounds, int seconds, int users) {
            StringBuilder out = new StringBuilder();
            String a = labels.get(0);
            out.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s, %d rounds (%s, scenario by scenario, order rotated), "
                            + "%d s per scenario, %d concurrent users. Ratios are each side against %s; the A/A columns are %s against %s "
                            + "in the same run: mean, and lowest - highest single round.%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.version"), rounds, String.join(", ", labels), seconds, users, a,
                    twin < 0 ? "(none)" : labels.get(twin), a));
            for (int slot = 1; slot < labels.size(); slot++) {
                if (slot == twin) {
                    continue;
                }
                String b = labels.get(slot);
                out.append(String.format(Locale.ROOT, "%n%s against %s:%n%n", b, a));
                out.append(String.format(Locale.ROOT, "| scenario | %1$s ops/s | %2$s ops/s | **ratio** | A/A ratio | single rounds: min / median / max "
                        + "| p50 / p95 / p99 ms %1$s | p50 / p95 / p99 ms %2$s | CPU ms/op %1$s | CPU ms/op %2$s | **CPU ratio** | A/A CPU ratio | failed |%n", a, b));
                out.append("|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|\n");
                String y0 = slot + "/";
                for (String operation : OPERATIONS) {
                    String x = "0/" + operation;
                    String y = y0 + operation;
                    out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | **%.3f** | %s | %s | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.2f | %.2f | **%.3f** | %s | %.0f / %.0f |%n",
                            operation, mean(x, 0), mean(y, 0), mean(y, 0) / mean(x, 0), noiseBand(operation, 0), roundRange(slot, operation),
                            mean(x, 1), mean(x, 2), mean(x, 3), mean(y, 1), mean(y, 2), mean(y, 3), mean(x, 4), mean(y, 4),
                            mean(y, 4) / mean(x, 4), noiseBand(operation, 4), mean(x, 5) * rounds, mean(y, 5) * rounds));
                }
                if (OPERATIONS.contains("badge") && b.startsWith("LeerID") && !a.startsWith("LeerID")) {
                    out.append(String.format(Locale.ROOT, "%nbadge: %s's badge logins per CPU-second are **%.2fx** %s's password logins (CPU ms "
                                    + "per login %.2f against %.2f; goal: at least 5x).%n",
                            b, mean("0/badge", 4) / mean(y0 + "badge", 4), a, mean(y0 + "badge", 4), mean("0/badge", 4)));
                }
            }
            if (!sessionCounts.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%n| active sessions | %s RSS MiB |", a));
                StringBuilder rule = new StringBuilder("|---:|---:|");
                for (int slot = 1; slot < labels.size(); slot++) {
                    if (slot != twin) {
                        out.append(String.format(Locale.ROOT, " %s RSS MiB | **ratio** |", labels.get(slot)));
                        rule.append("---:|---:|");
                    }
                }
                out.append("\n").append(rule).append("\n");
                for (int count : sessionCounts) {
                    long x = memory.getOrDefault("0/" + count, 0L);
                    out.append(String.format(Locale.ROOT, "| %,d | %d |", count, x));
                    for (int slot = 1; slot < labels.size(); slot++) {
                        if (slot != twin) {
                            long y = memory.getOrDefault(slot + "/" + count, 0L);
                            out.append(String.format(Locale.ROOT, " %d | **%.3f** |", y, (double) y / x));
                        }
                    }
                    out.append("\n");
                }
            }
            return out.toString();
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
