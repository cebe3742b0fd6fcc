package be.leerid.benchmarks.schools;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.leerid.tools.http.LoginCookies;

/**
 * A school coordinator's console session over plain HTTP, as a browser would hold it: the eID login through the
 * simulator's card picker, then the console's pages and forms with the session's cookies.
 */
final class ConsoleSession {

    private static final Pattern EID_LINK = Pattern.compile("id=\"social-eid\"[^>]*href=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new LoginCookies()).build();
    private final URI console;

    private ConsoleSession(URI console) {
        this.console = console;
    }

    /** Logs in at the console with eID as the simulator's {@code cardHolder}; ends on the school's page. */
    static ConsoleSession login(String server, String cardHolder) throws Exception {
        ConsoleSession session = new ConsoleSession(URI.create(server + "/realms/leerid/school/"));
        URI next = session.console;
        for (int step = 0; step < 25; step++) {
            HttpResponse<String> response = session.send(HttpRequest.newBuilder(next).GET());
            if (response.statusCode() / 100 == 3) {
                next = next.resolve(response.headers().firstValue("Location").orElseThrow());
                continue;
            }
            String page = response.body();
            if (page.contains("id=\"leerid-school-people\"")) {
                return session;
            }
            Matcher eid = EID_LINK.matcher(page);
            Matcher csrf = CSRF.matcher(page);
            if (eid.find()) {
                next = next.resolve(eid.group(1).replace("&amp;", "&"));
            } else if (csrf.find()) {
                HttpResponse<String> picked = session.send(HttpRequest.newBuilder(next.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(Map.of("_csrf", csrf.group(1), "password", "card-inserted", "means", "eid", "fault", "none",
                                "username", cardHolder))));
                next = next.resolve(picked.headers().firstValue("Location").orElseThrow(
                        () -> new IllegalStateException("the card picker answered " + picked.statusCode())));
            } else {
                throw new IllegalStateException("unexpected page on the way to the console (" + next + "): " + response.statusCode() + " " + page);
            }
        }
        throw new IllegalStateException("too many steps to the console");
    }

    /** GET of a console page (relative to /school/); fails unless 200. */
    String get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(console.resolve(path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** POST of a console form with its form token; the answer's bytes; fails unless 200. */
    byte[] post(String path, String school, Map<String, String> fields) throws Exception {
        Matcher token = FORM_TOKEN.matcher(get(school + "/"));
        if (!token.find()) {
            throw new IllegalStateException("no form token on the school's page");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("form_token", token.group(1));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(console.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(all)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
