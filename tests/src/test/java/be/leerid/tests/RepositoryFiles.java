package be.leerid.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/** The repository's shipped files, as the tests read them: what ships is what is tested. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    static Path root() {
        String root = System.getProperty("leerid.root");
        Path path = root != null ? Path.of(root) : Path.of(System.getProperty("user.dir")).getParent();
        return path.toAbsolutePath().normalize();
    }

    static Path vaultDir() {
        return root().resolve("realm-config/vault");
    }

    /** The deriver the server should use: keyed with the dev vault's key for realm leerid. */
    static PseudonymDeriver devDeriver() {
        try {
            return new PseudonymDeriver(PseudonymKey.fromBase64(Files.readString(vaultDir().resolve("leerid_pseudonym-key"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RealmRepresentation realm(String resource) {
        try (InputStream in = RepositoryFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JsonSerialization.readValue(in, RealmRepresentation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
