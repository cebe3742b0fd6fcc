package be.leerid.tools.register;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import be.leerid.register.FeedHeader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Operator commands, run by {@code ./leerid}:
 * <pre>
 *   generate LEARNERS STAFF DIR [--delta]   write discimus.jsonl and edison.jsonl (seed 2026)
 *   sync FILE [--force]                     push a feed to a running LeerID and print the report
 * </pre>
 * {@code sync} authenticates as the register-sync client: its secret comes from
 * {@code LEERID_SYNC_SECRET}, or, for a dev server, is read with the admin account
 * ({@code LEERID_ADMIN_USER}/{@code LEERID_ADMIN_PASSWORD}, default admin/admin).
 */
public final class RegisterCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: a feed upload is one long request, which an HTTP/2 upgrade would not survive.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RegisterCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("generate")) {
            generate(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    args.length > 4 && args[4].equals("--delta"));
        } else if (args.length >= 2 && args[0].equals("sync")) {
            System.exit(sync(Path.of(args[1]), args.length > 2 && args[2].equals("--force"), System.out));
        } else {
            System.err.println("usage: generate LEARNERS STAFF DIR [--delta] | sync FILE [--force]");
            System.exit(2);
        }
    }

    public static void generate(int learners, int staff, Path dir, boolean delta) throws IOException {
        Files.createDirectories(dir);
        SyntheticRegister register = new SyntheticRegister(2026, learners, staff, LocalDate.now());
        FeedHeader.Kind kind = delta ? FeedHeader.Kind.DELTA : FeedHeader.Kind.FULL;
        try (OutputStream out = Files.newOutputStream(dir.resolve("discimus.jsonl"))) {
            register.writeLearners(out, 1, kind);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("edison.jsonl"))) {
            register.writeStaff(out, 1, kind);
        }
        System.out.println("wrote " + dir.resolve("discimus.jsonl") + " (" + learners + " learners) and "
                + dir.resolve("edison.jsonl") + " (" + staff + " staff)");
    }

    /** Pushes the feed and prints the server's report; returns 0 if the sync succeeded, else 1. */
    public static int sync(Path feed, boolean force, PrintStream report) throws Exception {
        String server = env("LEERID_URL", "http://localhost:8080");
        String realm = env("LEERID_REALM", "leerid");
        String secret = System.getenv("LEERID_SYNC_SECRET");
        if (secret == null) {
            secret = secretFromAdmin(server, realm);
        }
        String form = "grant_type=client_credentials&client_id=register-sync&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String tokenUrl = server + "/realms/" + realm + "/protocol/openid-connect/token";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/realms/" + realm
                        + "/register-sync/feed" + (force ? "?force=true" : "")))
                .header("Authorization", "Bearer " + post(tokenUrl, form, null).path("access_token").asText())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(feed)).build(), HttpResponse.BodyHandlers.ofString());
        // A long sync answers 202 with a job to poll; a fresh token each time outlives a token's lifespan.
        while (response.statusCode() == 202) {
            String location = JSON.readTree(response.body()).path("location").asText();
            System.err.println("sync running: " + location);
            Thread.sleep(5_000);
            response = HTTP.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", "Bearer " + post(tokenUrl, form, null).path("access_token").asText())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        report.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(response.body())));
        return response.statusCode() == 200 ? 0 : 1;
    }

    private static String secretFromAdmin(String server, String realm) throws Exception {
        JsonNode admin = post(server + "/realms/master/protocol/openid-connect/token", "grant_type=password&client_id=admin-cli"
                + "&username=" + env("LEERID_ADMIN_USER", "admin") + "&password=" + env("LEERID_ADMIN_PASSWORD", "admin"), null);
        String bearer = "Bearer " + admin.path("access_token").asText();
        JsonNode clients = get(server + "/admin/realms/" + realm + "/clients?clientId=register-sync", bearer);
        return get(server + "/admin/realms/" + realm + "/clients/" + clients.path(0).path("id").asText() + "/client-secret", bearer)
                .path("value").asText();
    }

    private static JsonNode post(String url, String form, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return send(request, bearer, url);
    }

    private static JsonNode get(String url, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), bearer, url);
    }

    private static JsonNode send(HttpRequest.Builder request, String bearer, String url) throws Exception {
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
