package be.leerid.tools.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak homes LeerID runs from, under target/, each unpacked from the distribution of
 * keycloak.version: the dev server's (H2, data kept between runs), the production-built one of the
 * cluster and the benchmark (docker/keycloak.conf, {@code kc.sh build} again only when a provider or
 * the configuration changed), and vanilla Keycloak's for the benchmark (the same, without LeerID).
 */
public final class KeycloakHomes {

    private final LeerIdRepository repository;

    public KeycloakHomes(LeerIdRepository repository) {
        this.repository = repository;
    }

    /** The dev server's home: providers and theme deployed, realm and demo users ready to import once. */
    public Path dev() {
        Path home = repository.target().resolve("keycloak-" + repository.keycloakVersion());
        unpackIfMissing(home);
        for (Path jar : repository.providerJars()) {
            copy(jar, home.resolve("providers").resolve(jar.getFileName()), false);
        }
        copy(repository.root().resolve("docker/quarkus.properties"), home.resolve("conf/quarkus.properties"), false);
        addRealmImports(home);
        return home;
    }

    /** The production build with LeerID's providers, for the cluster and the benchmark. */
    public Path cluster() {
        Path home = repository.target().resolve("keycloak-cluster-" + repository.keycloakVersion());
        unpackIfMissing(home);
        // Keep the jar's time: Keycloak refuses --optimized when a provider looks newer than the build.
        for (Path jar : repository.providerJars()) {
            copy(jar, home.resolve("providers").resolve(jar.getFileName()), true);
        }
        productionConfiguration(home);
        addRealmImports(home);
        buildIfChanged(home);
        return home;
    }

    /** The same production build without any LeerID jar: the benchmark's baseline. */
    public Path vanilla() {
        Path home = repository.target().resolve("keycloak-vanilla-" + repository.keycloakVersion());
        unpackIfMissing(home);
        productionConfiguration(home);
        buildIfChanged(home);
        return home;
    }

    private void productionConfiguration(Path home) {
        copy(repository.root().resolve("docker/keycloak.conf"), home.resolve("conf/keycloak.conf"), false);
        copy(repository.root().resolve("docker/quarkus.properties"), home.resolve("conf/quarkus.properties"), false);
    }

    private void addRealmImports(Path home) {
        // Imported once: a later start keeps the data (IGNORE_EXISTING).
        for (Path file : repository.realmImports()) {
            copy(file, home.resolve("data/import").resolve(file.getFileName()), false);
        }
    }

    /** kc.sh build when the providers or the configuration differ from the last build's. */
    private void buildIfChanged(Path home) {
        Path stampFile = home.resolve(".leerid-build");
        String stamp = stamp(home);
        try {
            if (Files.exists(stampFile) && stamp.equals(Files.readString(stampFile).strip())) {
                return;
            }
            System.err.println("Building Keycloak for production (kc.sh build) in " + repository.root().relativize(home) + " ...");
            int exit = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "build").inheritIO()
                    .redirectOutput(ProcessBuilder.Redirect.to(home.resolve("build.log").toFile())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kc.sh build failed; see " + home.resolve("build.log"));
            }
            Files.writeString(stampFile, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String stamp(Path home) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> inputs = new ArrayList<>();
            try (Stream<Path> providers = Files.list(home.resolve("providers"))) {
                providers.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(inputs::add);
            }
            inputs.add(home.resolve("conf/keycloak.conf"));
            inputs.add(home.resolve("conf/quarkus.properties"));
            for (Path input : inputs) {
                digest.update(input.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(input));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void unpackIfMissing(Path home) {
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return;
        }
        System.err.println("Unpacking Keycloak " + repository.keycloakVersion() + " into " + repository.root().relativize(home) + " ...");
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        try {
            deleteTree(partial);
            try (ZipFile zip = new ZipFile(repository.keycloakDistribution().toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    String name = entry.getName();
                    String inHome = name.substring(name.indexOf('/') + 1);
                    Path target = partial.resolve(inHome).normalize();
                    if (inHome.isEmpty() || !target.startsWith(partial)) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    if (inHome.startsWith("bin/") && inHome.endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            deleteTree(home);
            Files.move(partial, home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + repository.keycloakDistribution(), e);
        }
    }

    private static void copy(Path from, Path to, boolean keepTime) {
        try {
            Files.createDirectories(to.getParent());
            if (Files.exists(to) && Files.mismatch(from, to) == -1) {
                return;
            }
            if (keepTime) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
