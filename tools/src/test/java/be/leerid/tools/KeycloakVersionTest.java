package be.leerid.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Keycloak version is set in one place, {@code keycloak.version} in pom.xml: the Dockerfile's build
 * argument defaults to it, and no script, configuration or code spells it out again.
 */
class KeycloakVersionTest {

    private static final Path ROOT = Path.of(System.getProperty("leerid.root"));
    private static final String VERSION = System.getProperty("keycloak.version");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules", "docs");

    @Test
    void theDockerfileBuildsThePomsVersion() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        Matcher arg = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertEquals(true, arg.find(), "docker/Dockerfile declares no ARG KEYCLOAK_VERSION");
        assertEquals(VERSION, arg.group(1), "docker/Dockerfile's KEYCLOAK_VERSION differs from keycloak.version in pom.xml");
        Matcher from = Pattern.compile("(?m)^FROM quay\\.io/keycloak/keycloak:(\\S+)").matcher(dockerfile);
        while (from.find()) {
            assertEquals("${KEYCLOAK_VERSION}", from.group(1), "a Keycloak stage of docker/Dockerfile names its own version");
        }
    }

    @Test
    void noOtherFileSpellsTheVersionOut() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(ROOT)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(f -> ROOT.relativize(f).toString().chars().noneMatch(c -> c == '\\'))
                    .filter(KeycloakVersionTest::isSource)
                    .filter(f -> mentionsVersion(f))
                    .map(ROOT::relativize)
                    .toList();
        }
        assertEquals(List.of(), offenders, "these files name Keycloak " + VERSION + "; read keycloak.version from pom.xml instead");
    }

    private static boolean isSource(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".conf") || name.endsWith(".cfg")
                || name.endsWith(".sh") || name.endsWith(".properties") || name.equals("leerid") || name.equals("run");
    }

    private static boolean mentionsVersion(Path file) {
        try {
            String text = Files.readString(file);
            return Pattern.compile("(?<![0-9.])" + Pattern.quote(VERSION) + "(?![0-9])").matcher(text).find();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theVersionIsKnown() {
        assertFalse(VERSION == null || VERSION.isBlank(), "keycloak.version is not passed to the test");
    }
}
