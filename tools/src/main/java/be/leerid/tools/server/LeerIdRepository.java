package be.leerid.tools.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The checkout LeerID runs from: where the providers, the realm, the vault and the Keycloak distribution
 * are. The Keycloak version and the distribution's file come from the build (keycloak.version in pom.xml).
 */
public final class LeerIdRepository {

    /** The modules whose jars are deployed into Keycloak. */
    public static final List<String> PROVIDER_MODULES = List.of("extensions/identifiers", "extensions/register",
            "extensions/eid", "extensions/registration", "extensions/school", "extensions/transparency", "themes/leerid");

    private final Path root;
    private final Properties build = new Properties();

    public LeerIdRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try (InputStream in = LeerIdRepository.class.getResourceAsStream("/leerid-build.properties")) {
            build.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("leerid-build.properties is missing: build tools/ with Maven", e);
        }
    }

    /** From {@code -Dleerid.root}, else the working directory. */
    public static LeerIdRepository fromSystemProperty() {
        return new LeerIdRepository(Path.of(System.getProperty("leerid.root", System.getProperty("user.dir"))));
    }

    public Path root() {
        return root;
    }

    public String keycloakVersion() {
        return build.getProperty("keycloak.version");
    }

    /** The keycloak-quarkus-dist zip in the local Maven repository. */
    public Path keycloakDistribution() {
        return Path.of(build.getProperty("keycloak.distribution"));
    }

    public Path target() {
        return root.resolve("target");
    }

    public Path vaultDir() {
        return root.resolve("realm-config/vault");
    }

    /** The realm and the demo users, imported on a server's first start. */
    public List<Path> realmImports() {
        List<Path> files = new ArrayList<>(List.of(root.resolve("realm-config/leerid-realm.json")));
        try (Stream<Path> dev = Files.list(root.resolve("realm-config/dev"))) {
            dev.filter(f -> f.getFileName().toString().matches("leerid-users-.*\\.json")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Each provider module's deployable jar (not the pre-shade original-*.jar, not sources). */
    public List<Path> providerJars() {
        List<Path> jars = new ArrayList<>();
        for (String module : PROVIDER_MODULES) {
            try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
                jars.add(files.filter(f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith("leerid-") && name.endsWith(".jar") && !name.endsWith("-sources.jar");
                }).findFirst().orElseThrow(() -> new IllegalStateException("build " + module + " first (mvn package)")));
            } catch (IOException e) {
                throw new IllegalStateException("build " + module + " first (mvn package)", e);
            }
        }
        return jars;
    }

    /** A testbed application's jar. */
    public Path testbedJar(String module, String jar) {
        return root.resolve(module).resolve("target").resolve(jar);
    }
}
