package be.leerid.benchmarks.schools;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import be.leerid.benchmarks.RegisterSyncBenchmark;
import be.leerid.identifiers.NationalRegisterNumber;
import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;
import be.leerid.tools.register.SyntheticRegister;
import be.leerid.tools.server.LeerIdRepository;
import be.leerid.tools.server.ServerProcess;
import be.leerid.tools.server.Testbed;

/**
 * The school console at the scale of Flanders, on the data set {@code ./leerid bench-sync} leaves in leerid_bench
 * (1.36 million accounts, about 3,650 schools): the console's search through HTTP after an eID login, activation
 * letters for a whole school of 2,500 learners (codes issued and PDF), and the same school questions asked of
 * Keycloak's Organizations (membership upkeep, member search, token cost) against LeerID's register attributes.
 * Prints every figure; docs/schools.md keeps them.
 */
public final class SchoolsBenchmark {

    private static final String SERVER = "http://localhost:8080";
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/leerid_bench";
    /** The 2,500-learner school this benchmark adds (larger than any generated one). */
    static final String BIG_SCHOOL = "199999";
    static final int BIG_SCHOOL_SIZE = 2_500;
    /** The simulator's card holder the benchmark's coordinator logs in as (no one in the generated register). */
    private static final String CARD_HOLDER = "piet-onbekend";
    private static final String CARD_HOLDER_NRN = "91010138944";
    private static final String[] FRAGMENTS = {"jan", "pee", "maes", "wou", "lot", "ver", "sen", "mer", "de", "emm", "noa", "ar",
            "claes", "goo", "lie", "ten", "ael", "ine", "tom", "ke"};

    private final AdminApi admin;
    private final Connection db;
    private final String realmId;

    private SchoolsBenchmark(AdminApi admin, Connection db, String realmId) {
        this.admin = admin;
        this.db = db;
        this.realmId = realmId;
    }

    public static void main(String[] args) throws Exception {
        int searches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int letterRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int memberSample = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        try (Connection db = DriverManager.getConnection(DATABASE, "postgres", "postgres")) {
            String realmId = single(db, "SELECT id FROM realm WHERE name = 'leerid'");
            long accounts = Long.parseLong(single(db, "SELECT count(*) FROM user_entity WHERE realm_id = '" + realmId + "'"));
            if (accounts < 1_000_000) {
                System.err.println("leerid_bench holds " + accounts + " accounts: run ./leerid bench-sync first (1.36 million).");
                System.exit(2);
            }
            try (ServerProcess keycloak = RegisterSyncBenchmark.startServer(false);
                 ServerProcess simulator = Testbed.eidSimulator(repository)) {
                simulator.awaitStatus(URI.create("http://localhost:8180/.well-known/openid-configuration"), 200, Duration.ofMinutes(3));
                SchoolsBenchmark bench = new SchoolsBenchmark(new AdminApi(SERVER), db, realmId);
                System.out.printf("%nSchools benchmark on leerid_bench: %,d accounts, %s schools%n", accounts,
                        single(db, "SELECT count(DISTINCT value) FROM user_attribute WHERE name = 'school'"));
                bench.run(repository, searches, letterRuns, memberSample);
            }
        }
    }

    private void run(LeerIdRepository repository, int searches, int letterRuns, int memberSample) throws Exception {
        OrganizationsComparison organizations = new OrganizationsComparison(admin, db, realmId, SERVER);
        organizations.reset();
        bigSchool();
        coordinator(repository);
        ConsoleSession console = ConsoleSession.login(SERVER, CARD_HOLDER);

        // 1. The console's search, through HTTP as the coordinator's browser asks it.
        List<String> queries = queries(new SplittableRandom(17), searches + 30);
        Latencies search = new Latencies();
        Map<String, Latencies> byKind = new java.util.TreeMap<>();
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            String page = console.get(BIG_SCHOOL + "/" + queries.get(i));
            if (i >= 30) {
                search.add(start);
                byKind.computeIfAbsent(kind(queries.get(i)), k -> new Latencies()).add(start);
            }
            if (!page.contains("id=\"leerid-school-search\"")) {
                throw new IllegalStateException("not the console's page for " + queries.get(i));
            }
        }
        System.out.printf("  Console search (school of %,d, HTTP, after 30 warm-up): %s  (target p95 < 200 ms: %s)%n",
                BIG_SCHOOL_SIZE, search.summary(), search.percentile(95) < 200 ? "met" : "MISSED");
        byKind.forEach((kind, latencies) -> System.out.printf("    %-14s %s%n", kind + ":", latencies.summary()));

        // 2. Letters for the whole school: a code issued for each learner, and the PDF.
        List<Double> letterSeconds = new ArrayList<>();
        for (int run = 0; run < letterRuns; run++) {
            long start = System.nanoTime();
            byte[] pdf = console.post(BIG_SCHOOL + "/letters", BIG_SCHOOL, Map.of("class", "", "grade", ""));
            letterSeconds.add((System.nanoTime() - start) / 1e9);
            if (pdf.length < 4 || pdf[0] != '%' || pdf[1] != 'P') {
                throw new IllegalStateException("the letters are not a PDF");
            }
            if (run == 0) {
                System.out.printf("  Letters PDF: %,d bytes%n", pdf.length);
            }
        }
        Collections.sort(letterSeconds);
        System.out.printf("  Letters for the whole school (%,d codes issued + PDF, HTTP): min %.2f s  median %.2f s  max %.2f s  (target < 10 s: %s)%n",
                BIG_SCHOOL_SIZE, letterSeconds.get(0), letterSeconds.get(letterSeconds.size() / 2), letterSeconds.get(letterSeconds.size() - 1),
                letterSeconds.get(letterSeconds.size() - 1) < 10 ? "met" : "MISSED");

        // 3. The same school questions asked of Keycloak's Organizations; then LeerID's own state again.
        organizations.run(console, queries.subList(30, queries.size()), memberSample, search);
        organizations.reset();
    }

    /** Adds the 2,500-learner school through the register sync, once. */
    private void bigSchool() throws Exception {
        long present = Long.parseLong(single(db, "SELECT count(*) FROM user_attribute WHERE name = 'school' AND value = '" + BIG_SCHOOL + "'"));
        if (present >= BIG_SCHOOL_SIZE) {
            return;
        }
        SyntheticRegister register = new SyntheticRegister(2026, 1_200_000, 160_000, LocalDate.now());
        ByteArrayOutputStream feed = new ByteArrayOutputStream();
        register.writeOneSchool(feed, System.currentTimeMillis() / 1000, BIG_SCHOOL, BIG_SCHOOL_SIZE);
        String secret = admin.get("/admin/realms/leerid/clients/" + admin.get("/admin/realms/leerid/clients?clientId=register-sync").path(0).path("id").asText()
                + "/client-secret").path("value").asText();
        HttpClient http = HttpClient.newHttpClient();
        String token = AdminApi.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(SERVER + "/realms/leerid/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=register-sync&client_secret=" + AdminApi.enc(secret)))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(SERVER + "/realms/leerid/register-sync/feed"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(feed.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 202) {
            ServerProcess.pause(1_000);
            response = http.send(HttpRequest.newBuilder(URI.create(AdminApi.JSON.readTree(response.body()).path("location").asText()))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the school's feed answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The school's ICT coordinator, known by the simulator's card holder's national register number. */
    private void coordinator(LeerIdRepository repository) throws Exception {
        if (admin.get("/admin/realms/leerid/users?username=bench.coordinator&exact=true").size() > 0) {
            return;
        }
        PseudonymDeriver deriver = new PseudonymDeriver(PseudonymKey.fromBase64(Files.readString(repository.vaultDir().resolve("leerid_pseudonym-key"))));
        String user = """
                {"username": "bench.coordinator", "enabled": true, "firstName": "Bench", "lastName": "Coordinator",
                 "attributes": {"leerid": ["29999999"], "staff_id": ["E29999999"], "affiliation": ["faculty", "staff", "employee", "member"],
                   "school": ["%s"], "school_role": ["ict-coordinator@%s"], "nrn_hash": ["%s"]}}
                """.formatted(BIG_SCHOOL, BIG_SCHOOL, NationalRegisterNumber.hash(deriver, CARD_HOLDER_NRN));
        admin.send("POST", "/admin/realms/leerid/users", user);
    }

    /** Searches as coordinators type them: the school's pages, a class, a grade, a name fragment, a fragment in a grade. */
    static List<String> queries(SplittableRandom random, int n) {
        List<String> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int grade = 1 + random.nextInt(6);
            String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
            queries.add(switch (i % 5) {
                case 0 -> "?first=" + 50 * random.nextInt(5);
                case 1 -> "?class=" + grade + (char) ('A' + random.nextInt(4));
                case 2 -> "?grade=" + grade;
                case 3 -> "?q=" + fragment;
                default -> "?q=" + fragment + "&grade=" + grade;
            });
        }
        return queries;
    }

    private static String kind(String query) {
        if (query.startsWith("?first=")) {
            return "page";
        }
        return query.startsWith("?class=") ? "class" : query.startsWith("?grade=") ? "grade" : query.contains("&grade=") ? "name in grade" : "name";
    }

    static List<String> column(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    static String single(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
