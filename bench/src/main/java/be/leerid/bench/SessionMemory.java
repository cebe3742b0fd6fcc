package be.leerid.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import be.leerid.tools.bench.BenchRealm;

/**
 * Resident memory of a server holding a number of active user sessions. Sessions are made with the password
 * grant of the back-end client; so that 50,000 of them take minutes rather than an hour, both variants first
 * get the same cheap password hashing (it changes the cost of a login, not what a session holds).
 */
final class SessionMemory {

    private SessionMemory() {
    }

    static Map<Integer, Long> measure(BenchServer server, List<Integer> counts, int accounts) throws Exception {
        Map<Integer, Long> rss = new LinkedHashMap<>();
        if (counts.isEmpty()) {
            return rss;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        cheapHashing(http, server.base());
        int made = 0;
        for (int count : counts) {
            makeSessions(http, server.base(), count - made, accounts);
            made = count;
            server.jcmd("GC.run");
            Thread.sleep(3000);
            rss.put(count, server.rssMebibytes());
        }
        return rss;
    }

    private static void cheapHashing(HttpClient http, String base) throws Exception {
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/leerid"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"passwordPolicy\":\"hashAlgorithm(pbkdf2-sha256) and hashIterations(1)\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (update.statusCode() != 204) {
            throw new IllegalStateException("cannot set the password policy: " + update.statusCode() + " " + update.body());
        }
    }

    private static void makeSessions(HttpClient http, String base, int sessions, int accounts) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < sessions) {
                    int account = i % accounts;
                    String form = "grant_type=password&client_id=" + BenchRealm.BACKEND_CLIENT + "&client_secret=" + BenchRealm.BACKEND_SECRET
                            + "&username=" + URLEncoder.encode(BenchRealm.username(account), StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(BenchRealm.password(account), StandardCharsets.UTF_8);
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/leerid/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        if (failed.get() > sessions / 100) {
            throw new IllegalStateException(failed.get() + " of " + sessions + " session logins failed");
        }
    }
}
