package be.leerid.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import be.leerid.tools.bench.BenchRealm;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One scenario against one server, chosen by system properties (bench.base, bench.operation,
 * bench.users, bench.seconds, bench.accounts, bench.key). Each virtual user signs in once where the
 * operation needs a session, then repeats the measured operation, inside the Gatling group named after it,
 * for the duration. The same simulation runs against vanilla Keycloak and LeerID.
 */
public class BenchSimulation extends Simulation {

    static final String REALM = "/realms/leerid";
    private static final String AUTH = REALM + "/protocol/openid-connect/auth";
    private static final String TOKEN = REALM + "/protocol/openid-connect/token";
    private static final String FIRST = "smartschool-demo";
    private static final String FIRST_REDIRECT = "http://localhost:8181/callback";
    private static final String SECOND = "klascement-demo";
    private static final String SECOND_REDIRECT = "http://localhost:8182/callback";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Queue<Long> SUCCEEDED = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final AtomicInteger FAILED = new AtomicInteger();

    private final String base = System.getProperty("bench.base");
    private final String operation = System.getProperty("bench.operation");
    private final int users = Integer.getInteger("bench.users", 4);
    private final Duration duration = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private final int accounts = Integer.getInteger("bench.accounts", 100);
    private final ArchiveAuthnRequest archive = new ArchiveAuthnRequest(Path.of(System.getProperty("bench.key")));

    {
        HttpProtocolBuilder protocol = http.baseUrl(base).disableFollowRedirect().acceptLanguageHeader("nl")
                .disableCaching().shareConnections();
        AtomicInteger next = new AtomicInteger();
        Iterator<Map<String, Object>> feeder = Stream.generate(() -> {
            int i = Math.floorMod(next.getAndIncrement(), accounts);
            return Map.<String, Object>of("username", BenchRealm.username(i), "password", BenchRealm.password(i), "badge", BenchRealm.badge(i));
        }).iterator();
        ChainBuilder measured = switch (operation) {
            case "login" -> exec(flushCookieJar()).exec(login());
            case "badge" -> exec(flushCookieJar()).exec(badgeLogin());
            case "sso" -> authorizeBySso(SECOND, SECOND_REDIRECT).exec(redeem(SECOND, SECOND_REDIRECT, "sso token"));
            case "refresh" -> exec(http("refresh").post(TOKEN).formParam("grant_type", "refresh_token")
                    .formParam("client_id", FIRST).formParam("refresh_token", "#{refresh}")
                    .check(status().is(200), jsonPath("$.refresh_token").saveAs("refresh")));
            case "client-credentials" -> exec(http("client credentials").post(TOKEN)
                    .formParam("grant_type", "client_credentials").formParam("client_id", BenchRealm.BACKEND_CLIENT)
                    .formParam("client_secret", BenchRealm.BACKEND_SECRET).check(status().is(200), jsonPath("$.access_token")));
            case "userinfo" -> exec(http("userinfo").get(REALM + "/protocol/openid-connect/userinfo")
                    .header("Authorization", "Bearer #{access}").check(status().is(200), jsonPath("$.sub")));
            case "saml" -> exec(http("saml sso").get(session -> REALM + "/protocol/saml?" + archive.query(base + REALM))
                    .check(status().is(200), substring("SAMLResponse")));
            default -> throw new IllegalArgumentException("unknown bench.operation " + operation);
        };
        ChainBuilder prepare = operation.equals("login") || operation.equals("badge") || operation.equals("client-credentials")
                ? exec(session -> session) : exec(login());
        ChainBuilder timed = exec(session -> session.set("started", System.nanoTime()).markAsSucceeded())
                .group(operation).on(measured)
                .exec(session -> {
                    long took = System.nanoTime() - session.getLong("started");
                    if (session.isFailed()) {
                        FAILED.incrementAndGet();
                    } else {
                        SUCCEEDED.add(took);
                    }
                    return session.markAsSucceeded();
                });
        ScenarioBuilder scenario = scenario(operation).feed(feeder).exec(prepare).during(duration).on(timed);
        setUp(scenario.injectClosed(constantConcurrentUsers(users).during(duration))).protocols(protocol)
                .maxDuration(duration.multipliedBy(2).plusSeconds(30));
    }

    /** Writes what the measured operation did (count, failures, latency percentiles) for {@link GatlingRun}. */
    @Override
    public void after() {
        long[] sorted = SUCCEEDED.stream().mapToLong(Long::longValue).sorted().toArray();
        // No success, no percentiles: JSON null, so the run ends with "never succeeded" rather than a parse error.
        String json = String.format(java.util.Locale.ROOT, "{\"ok\":%d,\"failed\":%d,\"p50\":%s,\"p95\":%s,\"p99\":%s}",
                sorted.length, FAILED.get(), millis(percentile(sorted, 50)), millis(percentile(sorted, 95)), millis(percentile(sorted, 99)));
        try {
            java.nio.file.Files.writeString(Path.of(System.getProperty("bench.output")), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "null" : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    /** Password login at the first service: authorization request (PKCE), login form, code exchange. */
    private ChainBuilder login() {
        return exec(session -> pkce(session))
                .exec(http("authorize").get(session -> authorizeUrl(session, FIRST, FIRST_REDIRECT))
                        .check(status().is(200), regex("<form[^>]*action=\"([^\"]+)\"").saveAs("action")))
                .exec(http("login form").post(session -> path(session.getString("action")))
                        .formParam("username", "#{username}").formParam("password", "#{password}").formParam("credentialId", "")
                        .check(status().is(302), header("Location").transform(BenchSimulation::code).saveAs("code")))
                .exec(redeem(FIRST, FIRST_REDIRECT, "token"));
    }

    /**
     * A young learner's badge login at the first service, as a browser with JavaScript does it: the login page (whose
     * badge button opens the camera in the page), the code as the camera reads it, "Ja, ik ben ..." and the code exchange. Vanilla Keycloak has no badges: its login page offers only the
     * password, so there this is a password login, and the ratio compares the two ways in.
     */
    private ChainBuilder badgeLogin() {
        return exec(session -> pkce(session))
                .exec(http("authorize").get(session -> authorizeUrl(session, FIRST, FIRST_REDIRECT))
                        .check(status().is(200), regex("<form[^>]*action=\"([^\"]+)\"").saveAs("action"),
                                substring("name=\"leerid_badge\"").count().saveAs("badges")))
                .doIfOrElse(session -> session.getInt("badges") > 0).then(
                        // With JavaScript the login page opens the camera itself (no badge page from the server).
                        exec(http("badge code").post(session -> path(session.getString("action"))).formParam("badge_code", "#{badge}")
                                .check(status().is(200), substring("leerid_badge_yes"), regex("<form[^>]*action=\"([^\"]+)\"").saveAs("action")))
                        .exec(http("badge confirm").post(session -> path(session.getString("action"))).formParam("leerid_badge_yes", "")
                                .check(status().is(302), header("Location").transform(BenchSimulation::code).saveAs("code"))))
                .orElse(
                        exec(http("login form").post(session -> path(session.getString("action")))
                                .formParam("username", "#{username}").formParam("password", "#{password}").formParam("credentialId", "")
                                .check(status().is(302), header("Location").transform(BenchSimulation::code).saveAs("code"))))
                .exec(redeem(FIRST, FIRST_REDIRECT, "token"));
    }

    private ChainBuilder authorizeBySso(String client, String redirect) {
        return exec(session -> pkce(session))
                .exec(http("sso authorize").get(session -> authorizeUrl(session, client, redirect))
                        .check(status().is(302), header("Location").transform(BenchSimulation::code).saveAs("code")));
    }

    private static ChainBuilder redeem(String client, String redirect, String name) {
        return exec(http(name).post(TOKEN).formParam("grant_type", "authorization_code").formParam("client_id", client)
                .formParam("code", "#{code}").formParam("redirect_uri", redirect).formParam("code_verifier", "#{verifier}")
                .check(status().is(200), jsonPath("$.refresh_token").saveAs("refresh"), jsonPath("$.access_token").saveAs("access")));
    }

    private static Session pkce(Session session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            return session.set("verifier", verifier).set("challenge", challenge);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String authorizeUrl(Session session, String client, String redirect) {
        return AUTH + "?response_type=code&scope=openid&client_id=" + client + "&redirect_uri="
                + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=" + Long.toHexString(RANDOM.nextLong())
                + "&code_challenge_method=S256&code_challenge=" + session.getString("challenge");
    }

    /** The login form's action is an absolute URL on the server's hostname; keep its path and query. */
    private static String path(String action) {
        String url = action.replace("&amp;", "&");
        int start = url.indexOf("/realms/");
        return url.substring(start);
    }

    private static String code(String location) {
        int start = location.indexOf("code=");
        if (start < 0) {
            throw new IllegalStateException("no code in the redirect");
        }
        int end = location.indexOf('&', start);
        return URLDecoder.decode(location.substring(start + 5, end < 0 ? location.length() : end), StandardCharsets.UTF_8);
    }
}
