package be.leerid.testbed.demo;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Three demo services a newcomer can click through, each on its own port of localhost:
 * Smartschool (demo) and KlasCement (demo) over OpenID Connect, Archief (demo) over SAML. Each shows
 * what it received from LeerID: one login, three services, three different names for the same learner.
 *
 * <p>Arguments: {@code [realm URL] [archive SP signing key]}; defaults suit {@code ./leerid dev}.
 */
public final class DemoServices {

    public static final int SMARTSCHOOL_PORT = 8181;
    public static final int KLASCEMENT_PORT = 8182;
    public static final int ARCHIEF_PORT = 8183;

    private DemoServices() {
    }

    public static void main(String[] args) throws Exception {
        String realm = args.length > 0 ? args[0] : "http://localhost:8080/realms/leerid";
        Path archiveKey = Path.of(args.length > 1 ? args[1] : "realm-config/dev/archief-sp-signing-key.pem");
        start(SMARTSCHOOL_PORT, server -> new OidcDemo("Smartschool (demo)", base(SMARTSCHOOL_PORT), "smartschool-demo", realm).mount(server));
        start(KLASCEMENT_PORT, server -> new OidcDemo("KlasCement (demo)", base(KLASCEMENT_PORT), "klascement-demo", realm).mount(server));
        SamlDemo archief = new SamlDemo("Archief (demo)", base(ARCHIEF_PORT), realm, archiveKey);
        start(ARCHIEF_PORT, archief::mount);
        System.out.println("Demo services: Smartschool " + base(SMARTSCHOOL_PORT) + ", KlasCement " + base(KLASCEMENT_PORT)
                + ", Archief " + base(ARCHIEF_PORT));
    }

    private interface Mount {
        void into(HttpServer server) throws Exception;
    }

    private static void start(int port, Mount mount) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        mount.into(server);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    private static URI base(int port) {
        return URI.create("http://localhost:" + port);
    }
}
