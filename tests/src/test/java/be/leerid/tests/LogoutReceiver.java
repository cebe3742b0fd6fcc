package be.leerid.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/** A service's OIDC back-channel logout endpoint on loopback: keeps the first logout token it receives. */
final class LogoutReceiver implements AutoCloseable {

    private final CompletableFuture<String> logoutToken = new CompletableFuture<>();
    private final HttpServer server;

    LogoutReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    logoutToken.complete(URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The client attribute {@code backchannel.logout.url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout";
    }

    /** The logout token, as soon as it arrives (at most a minute). */
    String token() throws Exception {
        return logoutToken.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
