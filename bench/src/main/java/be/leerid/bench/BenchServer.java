package be.leerid.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.leerid.tools.bench.BenchRealm;
import be.leerid.tools.server.KeycloakCommand;
import be.leerid.tools.server.ServerProcess;

/**
 * One Keycloak server under test: a production build (docker/keycloak.conf) with or without LeerID's
 * providers, in production mode on its own fresh PostgreSQL database, reachable on 127.0.0.2 (Gatling
 * refuses cookies for "localhost" over plain http). Side A listens on port 8380, side B on 8381 (management
 * 9380 and 9381). Reports the JVM's CPU time and resident memory.
 */
final class BenchServer implements AutoCloseable {

    private static final int PORT = 8380;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final String base;
    private final ServerProcess process;
    private final ProcessHandle java;

    private BenchServer(String base, ServerProcess process, ProcessHandle java) {
        this.base = base;
        this.process = process;
        this.java = java;
    }

    /**
     * Starts the variant ("vanilla", "leerid", or "quiet": LeerID without its release record and with the realm's
     * login and admin events off) as side 0 (A) or 1 (B), from its Keycloak home, with the realm for it.
     */
    static BenchServer start(Path root, Path home, String variant, int side, int accounts) throws Exception {
        int port = PORT + side;
        String base = "http://127.0.0.2:" + port;
        char letter = "abcd".charAt(side);
        Path imports = home.resolve("data/import");
        if (Files.isDirectory(imports)) {
            try (var files = Files.list(imports)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        boolean quiet = variant.equals("quiet");
        BenchRealm.write(root, variant, accounts, imports);
        String database = "leerid_bench_" + letter;
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        Path log = root.resolve("bench/target/server-" + letter + "-" + variant + ".log");
        // Two servers from one home (an A/A run) must not share the transaction manager's files.
        Path own = Files.createDirectories(root.resolve("bench/target/server-" + letter));
        // A password login is almost all Argon2 (BouncyCastle), and whether C2 inlines Argon2's round
        // function into its caller depends on the order in which the JIT happened to compile them; a JVM
        // that did not spent about 15 % more CPU per login (JFR, docs/benchmarks.md). Which server that hits
        // is luck, so both sides get the same compilation of it: a login ratio then measures LeerID.
        String jvm = "-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,org.bouncycastle.crypto.generators.Argon2BytesGenerator::*";
        KeycloakCommand command = KeycloakCommand.startOptimized(home);
        if (quiet) {
            command.option("spi-leerid--leerid-user-attributes--release-record", "false");
        }
        ProcessBuilder builder = command
                .hostnames(base, base).http(null, port).management(null, port + 1000)
                .postgres("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "postgres", false)
                .vault(root.resolve("realm-config/vault")).clusterTransport(7890 + side)
                .bootstrapAdmin(KeycloakCommand.DEV_ADMIN, KeycloakCommand.DEV_ADMIN_PASSWORD)
                .environment("JAVA_OPTS_APPEND", jvm + " -Dquarkus.transaction-manager.object-store.directory=" + own.resolve("transaction-logs"))
                .processBuilder();
        Files.deleteIfExists(log);
        ServerProcess process = ServerProcess.start(variant + " (" + letter + ")", builder, log);
        process.awaitStatus(URI.create("http://127.0.0.1:" + (port + 1000) + "/health/ready"), 200, Duration.ofMinutes(5));
        ProcessHandle java = process.process().descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Keycloak JVM under kc.sh"));
        return new BenchServer(base, process, java);
    }

    /** The server's base URL, e.g. http://127.0.0.2:8380. */
    String base() {
        return base;
    }

    /** User plus system CPU time of the Keycloak JVM so far, in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + java.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** Starts a Java Flight Recorder recording (settings "profile") in the Keycloak JVM. */
    void startRecording() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    /** Stops the recording and writes it to the file. */
    void stopRecording(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    }

    /** Runs a jcmd diagnostic command in the Keycloak JVM and waits for it. */
    void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(java.pid())));
        line.addAll(List.of(command));
        int exit = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed with exit " + exit);
        }
    }

    /** Resident set size of the Keycloak JVM, in MiB. */
    long rssMebibytes() throws IOException {
        Optional<String> line = Files.readAllLines(Path.of("/proc/" + java.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst();
        return Long.parseLong(line.orElseThrow().replaceAll("[^0-9]", "")) / 1024;
    }

    @Override
    public void close() {
        process.stop();
    }
}
