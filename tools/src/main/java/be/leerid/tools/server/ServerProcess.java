package be.leerid.tools.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server LeerID starts as a process of its own (Keycloak through kc.sh, HAProxy, a testbed app), its
 * output in a log file. Readiness is a URL answering, never a fixed sleep; stopping takes the whole
 * process tree (kc.sh runs Keycloak's JVM as a child).
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the command with its output appended to the log file. */
    public static ServerProcess start(String name, ProcessBuilder command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new ServerProcess(name, command.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Starts the command with its output on this process's console (the dev server's log). */
    public static ServerProcess inConsole(String name, ProcessBuilder command) {
        try {
            return new ServerProcess(name, command.inheritIO().start(), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Whether the process or anything it started still runs. */
    public boolean isAlive() {
        return process.isAlive() || process.descendants().anyMatch(ProcessHandle::isAlive);
    }

    /** Waits until the URL answers the status, failing at once if the process stops; returns how long it took. */
    public Duration awaitStatus(URI url, int status, Duration timeout) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped" + (log == null ? "" : "; see " + log));
            }
            if (statusOf(url) == status) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            pause(250);
        }
        throw new IllegalStateException(name + " did not answer " + status + " at " + url + " within " + timeout + (log == null ? "" : "; see " + log));
    }

    /** The status a URL answers, or -1 if nothing answers. */
    public static int statusOf(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL to the whole tree: the server gets no chance to hand anything over. */
    public void kill() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** SIGTERM to the whole tree: a regular shutdown; waits for it. */
    public void stop() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        tree.forEach(handle -> handle.onExit().join());
    }

    @Override
    public void close() {
        stop();
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    /** Sleeps between two checks of a condition; never a wait for a condition itself. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
