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

import com.sun.net.httpserver.HttpServer;

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
}
