package be.leerid.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import org.keycloak.util.JsonSerialization;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's Shared Signals push receiver (RFC 8935) on loopback: answers 202 to every Security Event Token, or
 * 503 for as long as it is told to be unavailable, and keeps the tokens it accepted and the content types it saw.
 */
final class SetReceiver implements AutoCloseable {

    private final LinkedBlockingQueue<String> accepted = new LinkedBlockingQueue<>();
    private final List<String> contentTypes = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean available = true;
    private final HttpServer server;

    SetReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ssf/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (contentTypes) {
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            if (available) {
                accepted.add(body);
                exchange.sendResponseHeaders(202, -1);
            } else {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ssf/events";
    }

    void available(boolean available) {
        this.available = available;
    }

    /** Tokens answered 503 so far. */
    int refused() {
        return refused.get();
    }

    /** The next accepted token, as soon as it arrives (at most two minutes: a retry waits ten seconds). */
    String next() throws InterruptedException {
        String token = accepted.poll(120, TimeUnit.SECONDS);
        if (token == null) {
            throw new AssertionError("no Security Event Token arrived within two minutes");
        }
        return token;
    }

    List<String> contentTypes() {
        synchronized (contentTypes) {
            return List.copyOf(contentTypes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Verifies a token as a receiver would: keys from the SSF configuration's jwks_uri, RS256, typ secevent+jwt. */
    static JWTClaimsSet verify(String realmUrl, String token) throws Exception {
        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realmUrl + "/.well-known/ssf-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, config.statusCode(), config.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = JsonSerialization.readValue(config.body(), Map.class);
        assertEquals(List.of("urn:ietf:rfc:8935"), metadata.get("delivery_methods_supported"));
        String issuer = (String) metadata.get("issuer");
        assertEquals(OidcService.discover(realmUrl).getIssuer().getValue(), issuer);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("secevent+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URI((String) metadata.get("jwks_uri")).toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(issuer).build(),
                java.util.Set.of("iat", "jti", "aud", "events", "sub_id")));
        return processor.process(token, null);
    }
}
