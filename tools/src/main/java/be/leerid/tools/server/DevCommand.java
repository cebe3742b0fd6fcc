package be.leerid.tools.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import be.leerid.tools.register.RegisterCommand;

/**
 * {@code ./leerid dev}: LeerID on http://localhost:8080 (embedded H2, data kept in target/), the eID
 * simulator and the demo services beside it, the demo services' clients and, on the first run, a small
 * generated register. Ctrl-C stops everything.
 */
public final class DevCommand {

    static final int PORT = 8080;
    private static final String BASE = "http://localhost:" + PORT;

    private DevCommand() {
    }

    public static void main(String[] args) throws Exception {
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        Path home = new KeycloakHomes(repository).dev();
        System.err.println("Starting LeerID on " + BASE + " ...");
        ServerProcess keycloak = ServerProcess.inConsole("LeerID", KeycloakCommand.startDev(home)
                .vault(repository.vaultDir()).http(null, PORT)
                .bootstrapAdmin(KeycloakCommand.DEV_ADMIN, KeycloakCommand.DEV_ADMIN_PASSWORD).processBuilder());
        System.err.println("Starting the eID simulator on http://localhost:8180 (log: target/eid-simulator.log) ...");
        ServerProcess simulator = Testbed.eidSimulator(repository);
        System.err.println("Starting the demo services on http://localhost:8181, :8182 and :8183 (log: target/demo-services.log) ...");
        ServerProcess demos = Testbed.demoServices(repository, BASE + "/realms/leerid");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(demos, simulator, keycloak).forEach(ServerProcess::stop)));

        keycloak.awaitStatus(URI.create(BASE + "/realms/leerid/.well-known/openid-configuration"), 200, Duration.ofMinutes(10));
        try {
            DevAdmin.login(BASE, KeycloakCommand.DEV_ADMIN, KeycloakCommand.DEV_ADMIN_PASSWORD)
                    .importClients(repository.root().resolve("realm-config/dev/leerid-demo-clients.json"));
        } catch (RuntimeException e) {
            System.err.println("Adding the demo services' clients failed (" + e.getMessage() + "); see realm-config/dev/leerid-demo-clients.json.");
        }
        loadDemoRegister(repository, home);
        System.out.println(welcome(repository, home));
        System.exit(keycloak.process().waitFor());
    }

    /** First run only: a small generated register, as a delta so the hand-written demo accounts stay. */
    private static void loadDemoRegister(LeerIdRepository repository, Path home) throws Exception {
        Path marker = home.resolve("data/.demo-register-loaded");
        if (Files.exists(marker)) {
            return;
        }
        System.err.println("Loading a small generated register (300 learners, 40 staff) ...");
        Path feeds = repository.target().resolve("demo-register");
        RegisterCommand.generate(300, 40, feeds, true);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        if (RegisterCommand.sync(feeds.resolve("discimus.jsonl"), false, quiet) == 0
                && RegisterCommand.sync(feeds.resolve("edison.jsonl"), false, quiet) == 0) {
            Files.createFile(marker);
        } else {
            System.err.println("Loading the demo register failed; see ./leerid sync.");
        }
    }

    private static String welcome(LeerIdRepository repository, Path home) {
        return """

                  LeerID is running (Keycloak %s, embedded H2 in %s).

                  Realm:          %s/realms/leerid
                  Mijn LeerID:    %s/realms/leerid/account/   (what each service received; log out everywhere)
                  School console: %s/realms/leerid/school/   ("Aanmelden met eID" as Jan Claes: school 067890)
                  Admin console:  %s/admin/master/console/   (admin / admin)

                  Demo accounts (synthetic):
                    lotte.peeters  / Leerling-demo-1   learner, school 012345, 5B
                    noah.janssens  / Leerling-demo-2   learner, school 012345, 3A
                    emma.maes      / Leerling-demo-3   learner, school 067890, 1A
                    mila.desmet    (no password yet)   learner, school 067890, 1A: print her activation letter in the console
                    an.wouters     / Leraar-demo-1     teacher, school 012345 (or "Aanmelden met eID": An Wouters)
                    jan.claes      (eID only)          teacher at 012345, ICT coordinator at 067890

                  Demo services:  http://localhost:8181  Smartschool (demo), OIDC
                                  http://localhost:8182  KlasCement (demo), OIDC
                                  http://localhost:8183  Archief (demo), SAML, staff only
                                  Each shows what it received; log out in one and all three are logged out.

                  eID simulator:  http://localhost:8180   (stands in for the government eID gateway;
                                  on the LeerID login page choose "Aanmelden met eID", then pick a card holder)

                  Plus a generated register of 300 learners and 40 staff (no passwords yet: a school's console prints letters).
                  Services: smartschool, klascement (OIDC), https://onderwijs.hetarchief.be/saml/sp (SAML).
                  Stop with Ctrl-C.
                """.formatted(repository.keycloakVersion(), repository.root().relativize(home.resolve("data")), BASE, BASE, BASE, BASE);
    }
}
