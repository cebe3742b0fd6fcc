package be.leerid.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's way to its PostgreSQL server: a TCP relay on loopback that a test can cut, which to the
 * nodes looks exactly like the database going down (open connections reset, new ones refused), and
 * restore, without stopping the PostgreSQL server that the rest of the machine uses.
 */
final class DatabaseRelay implements AutoCloseable {

    private final int port;
    private final InetSocketAddress database;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private DatabaseRelay(int port, InetSocketAddress database) {
        this.port = port;
        this.database = database;
    }

    static DatabaseRelay start(int port, InetSocketAddress database) {
        DatabaseRelay relay = new DatabaseRelay(port, database);
        relay.restore();
        return relay;
    }

    int port() {
        return port;
    }

    /** The database is "down": every connection is reset and new ones are refused. */
    synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        open.forEach(DatabaseRelay::closeQuietly);
        open.clear();
    }

    /** The database is back on the same address. */
    synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            Thread accepting = new Thread(() -> accept(socket), "database-relay-accept");
            accepting.setDaemon(true);
            accepting.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed by cut()
            }
            Socket server = new Socket();
            try {
                server.connect(database, 2000);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            open.add(server);
            pump(client, server);
            pump(server, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // Connection ended on either side.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
