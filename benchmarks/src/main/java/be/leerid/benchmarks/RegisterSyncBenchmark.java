package be.leerid.benchmarks;

import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import be.leerid.register.FeedHeader;
import be.leerid.tools.http.LoginCookies;
import be.leerid.tools.http.LoginForm;
import be.leerid.tools.register.SyntheticRegister;
import be.leerid.tools.server.KeycloakCommand;
import be.leerid.tools.server.KeycloakHomes;
import be.leerid.tools.server.LeerIdRepository;
import be.leerid.tools.server.PostgresDatabase;
import be.leerid.tools.server.ServerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Register sync against LeerID on PostgreSQL (database leerid_bench, recreated; started here, log in
 * target/bench-keycloak.log):
 * LeerID's register sync against vanilla Keycloak's admin REST API creating the same users, in the
 * same run, plus login latency with few and with all users. Prints both and the ratios.
 */
public final class RegisterSyncBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String REDIRECT = "https://www.klascement.net/leerid/callback";
    private static final int PORT = 8080;

    private final String server;
    private final String realm = "leerid";
    private String adminToken;

    private RegisterSyncBenchmark(String server) {
        this.server = server;
    }

    /** Full syncs from an empty database, each on a fresh server: min, median and max are printed. */
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int learners = Integer.parseInt(args[0]);
        int staff = Integer.parseInt(args[1]);
        int sample = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : ROUNDS;
        RegisterSyncBenchmark benchmark = new RegisterSyncBenchmark("http://localhost:" + PORT);
        benchmark.writeFeeds(learners, staff, dir);
        for (int round = 1; round <= rounds; round++) {
            System.err.printf("Round %d of %d%n", round, rounds);
            try (ServerProcess keycloak = startServer(true)) {
                benchmark.round(round == 1, round == rounds, sample);
            }
        }
        benchmark.print(learners, staff, sample);
    }

    /**
     * LeerID in development mode on the benchmark database, on port 8080.
     *
     * @param freshDatabase drop and recreate leerid_bench; false keeps the data of an earlier run
     */
    public static ServerProcess startServer(boolean freshDatabase) throws Exception {
        if (ServerProcess.statusOf(URI.create("http://localhost:" + PORT + "/")) != -1) {
            throw new IllegalStateException("Port " + PORT + " is in use: stop ./leerid dev (or the tests) first.");
        }
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        String database = "jdbc:postgresql://127.0.0.1:5432/leerid_bench";
        PostgresDatabase.create(database, "postgres", "postgres", freshDatabase);
        System.err.println("Starting Keycloak " + repository.keycloakVersion() + " on PostgreSQL (log: target/bench-keycloak.log) ...");
        ServerProcess keycloak = ServerProcess.start("Keycloak", KeycloakCommand.startDev(new KeycloakHomes(repository).dev())
                .vault(repository.vaultDir()).http(null, PORT)
                .postgres(database + "?reWriteBatchedInserts=true", "postgres", "postgres", true)
                .bootstrapAdmin(KeycloakCommand.DEV_ADMIN, KeycloakCommand.DEV_ADMIN_PASSWORD).processBuilder(),
                repository.target().resolve("bench-keycloak.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
        keycloak.awaitStatus(URI.create("http://localhost:" + PORT + "/realms/leerid/.well-known/openid-configuration"), 200,
                Duration.ofMinutes(10));
        return keycloak;
    }

    private Path smallFeed;
    private Path learnersFeed;
    private Path staffFeed;
    private Path deltaFeed;
    private int learners;
    private final List<Double> learnerSeconds = new ArrayList<>();
    private final List<Double> staffSeconds = new ArrayList<>();
    private final List<Double> deltaSeconds = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private double baselineSeconds;
    private double loginSmall;
    private double loginBig;

    private void writeFeeds(int learners, int staff, Path dir) throws Exception {
        this.learners = learners;
        LocalDate today = LocalDate.now();
        Files.createDirectories(dir);
        SyntheticRegister small = new SyntheticRegister(2026, 1_000, 0, today);
        SyntheticRegister big = new SyntheticRegister(2026, learners, staff, today);
        smallFeed = write(dir.resolve("small.jsonl"), out -> small.writeLearners(out, 1, FeedHeader.Kind.DELTA));
        learnersFeed = write(dir.resolve("discimus-full.jsonl"), out -> big.writeLearners(out, 2));
        staffFeed = write(dir.resolve("edison-full.jsonl"), out -> big.writeStaff(out, 2));
        deltaFeed = write(dir.resolve("discimus-delta.jsonl"), out -> big.writeLearnerDelta(out, 2, 0.01));
    }

    /**
     * One round on an empty database: about a thousand learners, the full registers, then a 1 % delta. The first
     * round also measures Keycloak's admin API and login with few users; the last, login with every user present.
     */
    private void round(boolean first, boolean last, int sample) throws Exception {
        adminToken = adminToken();
        // 1. About a thousand users, as a school's first sync (and login latency with few users).
        sync(smallFeed);
        if (first) {
            String learner = username(SyntheticRegister.leerid(0));
            setPassword(learner, "Bench-pass-1");
            loginSmall = loginMillis(learner, "Bench-pass-1", 30);
            // 2. Vanilla Keycloak: the same users through the admin REST API (a sample, extrapolated).
            createBaselineRealm();
            long baselineStart = System.nanoTime();
            createThroughAdminApi(learnersFeed, sample);
            baselineSeconds = seconds(baselineStart);
        }
        // 3. LeerID: the full registers, then the delta.
        long start = System.nanoTime();
        JsonNode learnerReport = sync(learnersFeed);
        learnerSeconds.add(seconds(start));
        start = System.nanoTime();
        JsonNode staffReport = sync(staffFeed);
        staffSeconds.add(seconds(start));
        start = System.nanoTime();
        JsonNode deltaReport = sync(deltaFeed);
        deltaSeconds.add(seconds(start));
        reports.add(String.format("learners %s; staff %s; delta %s", counts(learnerReport), counts(staffReport), counts(deltaReport)));
        System.err.printf("  learners %.1f s, staff %.1f s, delta %.1f s%n", learnerSeconds.get(learnerSeconds.size() - 1),
                staffSeconds.get(staffSeconds.size() - 1), deltaSeconds.get(deltaSeconds.size() - 1));
        if (last) {
            // 4. A learner from the feed logs in right after; latency with every user present.
            String fromFeed = username(SyntheticRegister.leerid(learners - 1));
            setPassword(fromFeed, "Bench-pass-2");
            loginBig = loginMillis(fromFeed, "Bench-pass-2", 30);
        }
    }

    private void print(int learners, int staff, int sample) {
        List<Double> full = new ArrayList<>();
        for (int i = 0; i < learnerSeconds.size(); i++) {
            full.add(learnerSeconds.get(i) + staffSeconds.get(i));
        }
        long people = (long) learners + staff;
        double baselinePerUser = baselineSeconds / sample;
        double baselineFull = baselinePerUser * people;
        double fullMedian = median(full);
        double deltaMedian = median(deltaSeconds);
        System.out.printf("%nRegister sync benchmark (PostgreSQL, %d learners + %d staff, %d rounds from an empty database)%n",
                learners, staff, full.size());
        System.out.printf("                                   min     median        max%n");
        System.out.printf("  LeerID full sync, learners: %s%n", spread(learnerSeconds));
        System.out.printf("  LeerID full sync, staff:    %s%n", spread(staffSeconds));
        System.out.printf("  LeerID full sync, total:    %s  (target median <= 360 s: %s; slow day <= 600 s: %s)%n", spread(full),
                fullMedian <= 360 ? "met" : "MISSED", Collections.max(full) <= 600 ? "met" : "MISSED");
        System.out.printf("  LeerID delta of 1%%:         %s  (target median <= 20 s: %s; slow day <= 30 s: %s)%n", spread(deltaSeconds),
                deltaMedian <= 20 ? "met" : "MISSED", Collections.max(deltaSeconds) <= 30 ? "met" : "MISSED");
        reports.forEach(report -> System.out.println("    " + report));
        System.out.printf("  Keycloak admin REST API:      %8.1f s for %d users, %.2f ms/user -> %.0f s for %d (extrapolated)%n",
                baselineSeconds, sample, baselinePerUser * 1000, baselineFull, people);
        System.out.printf("  Ratio full sync LeerID (median) / Keycloak admin API: %.3f (%.1fx faster)%n", fullMedian / baselineFull,
                baselineFull / fullMedian);
        System.out.printf("  Login (password form POST), ~1k users:   %6.1f ms mean of 30%n", loginSmall);
        System.out.printf("  Login (password form POST), %d users: %6.1f ms mean of 30; ratio %.2f (target <= 1.10: %s)%n",
                people, loginBig, loginBig / loginSmall, loginBig / loginSmall <= 1.10 ? "met" : "MISSED");
    }

    private static String spread(List<Double> seconds) {
        return String.format("%8.1f s %8.1f s %8.1f s", Collections.min(seconds), median(seconds), Collections.max(seconds));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private interface FeedWriter {
        void write(OutputStream out) throws Exception;
    }

    private static Path write(Path file, FeedWriter writer) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(out);
        }
        return file;
    }

    private static String counts(JsonNode report) {
        return String.format("(created %d, updated %d, unchanged %d, disabled %d, rejected %d)", report.path("created").asLong(),
                report.path("updated").asLong(), report.path("unchanged").asLong(), report.path("disabled").asLong(),
                report.path("problems").size());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    // --- LeerID ------------------------------------------------------------------------------

    private JsonNode sync(Path feed) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/realms/" + realm
                        + "/register-sync/feed?force=true"))
                .header("Authorization", "Bearer " + syncToken()).header("Content-Type", "application/x-ndjson")
                .timeout(java.time.Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.ofFile(feed)).build(), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 202) {
            Thread.sleep(2_000);
            response = HTTP.send(HttpRequest.newBuilder(URI.create(JSON.readTree(response.body()).path("location").asText()))
                    .header("Authorization", "Bearer " + syncToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sync of " + feed + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private String syncToken() throws Exception {
        JsonNode clients = get("/admin/realms/" + realm + "/clients?clientId=register-sync");
        String secret = get("/admin/realms/" + realm + "/clients/" + clients.path(0).path("id").asText() + "/client-secret")
                .path("value").asText();
        return form("/realms/" + realm + "/protocol/openid-connect/token",
                "grant_type=client_credentials&client_id=register-sync&client_secret=" + enc(secret)).path("access_token").asText();
    }

    private String username(String leerid) throws Exception {
        return get("/admin/realms/" + realm + "/users?q=leerid:" + leerid + "&max=1").path(0).path("username").asText();
    }

    private void setPassword(String username, String password) throws Exception {
        String id = get("/admin/realms/" + realm + "/users?username=" + enc(username) + "&exact=true").path(0).path("id").asText();
        send("PUT", "/admin/realms/" + realm + "/users/" + id + "/reset-password",
                "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}");
    }

    // --- vanilla Keycloak baseline -------------------------------------------------------------

    private void createBaselineRealm() throws Exception {
        send("DELETE", "/admin/realms/leerid-baseline", null);
        send("POST", "/admin/realms", "{\"realm\":\"leerid-baseline\",\"enabled\":true}");
        // The same admin-only register attributes, so the admin API stores them as LeerID would.
        JsonNode profile = get("/admin/realms/leerid/users/profile");
        send("PUT", "/admin/realms/leerid-baseline/users/profile", JSON.writeValueAsString(profile));
    }

    private void createThroughAdminApi(Path learnersFeed, int sample) throws Exception {
        List<String> rows = new ArrayList<>(sample);
        try (var lines = Files.lines(learnersFeed)) {
            lines.skip(1).limit(sample).forEach(rows::add);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < rows.size(); i += 2) {
                    JsonNode row = JSON.readTree(rows.get(i));
                    JsonNode enrolment = row.path("enrolments").path(0);
                    ObjectNode user = JSON.createObjectNode();
                    user.put("username", "baseline-" + row.path("leerid").asText());
                    user.put("enabled", true);
                    user.put("firstName", row.path("givenName").asText());
                    user.put("lastName", row.path("familyName").asText());
                    ObjectNode attributes = user.putObject("attributes");
                    attributes.putArray("leerid").add(row.path("leerid").asText());
                    attributes.putArray("affiliation").add("student").add("member");
                    attributes.putArray("school").add(enrolment.path("school").asText());
                    attributes.putArray("grade").add(enrolment.path("grade").asText());
                    attributes.putArray("class").add(enrolment.path("class").asText());
                    attributes.putArray("birthdate").add(row.path("birthDate").asText());
                    send("POST", "/admin/realms/leerid-baseline/users", JSON.writeValueAsString(user));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    // --- login --------------------------------------------------------------------------------

    /** Mean time of the password POST of a fresh code-flow login (KlasCement), n times. */
    private double loginMillis(String username, String password, int n) throws Exception {
        double total = 0;
        for (int i = 0; i < n + 3; i++) {
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new LoginCookies())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String authorize = server + "/realms/" + realm + "/protocol/openid-connect/auth?response_type=code&client_id=klascement"
                    + "&scope=openid&state=s&redirect_uri=" + enc(REDIRECT) + "&code_challenge_method=S256&code_challenge=" + challenge;
            String page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString()).body();
            URI url = LoginForm.action(page).orElseThrow(() -> new IllegalStateException("no login form"));
            long start = System.nanoTime();
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            String location = response.headers().firstValue("Location").orElse("");
            if (!location.startsWith(REDIRECT) || !location.contains("code=")) {
                throw new IllegalStateException("login failed: " + response.statusCode() + " " + location);
            }
            if (i >= 3) {
                total += millis;
            }
        }
        return total / n;
    }

    // --- HTTP ---------------------------------------------------------------------------------

    private String adminToken() throws Exception {
        return form("/realms/master/protocol/openid-connect/token", "grant_type=password&client_id=admin-cli&username=admin&password=admin")
                .path("access_token").asText();
    }

    private JsonNode form(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(send("GET", path, null));
    }

    private synchronized String bearer() throws Exception {
        return "Bearer " + adminToken;
    }

    private String send(String method, String path, String json) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", bearer())
                    .timeout(java.time.Duration.ofMinutes(10));
            if (json != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && attempt == 0) {
                synchronized (this) {
                    adminToken = adminToken();
                }
                continue;
            }
            if (response.statusCode() / 100 != 2 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
