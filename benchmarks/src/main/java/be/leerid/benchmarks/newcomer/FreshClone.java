package be.leerid.benchmarks.newcomer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A newcomer's checkout: {@code git clone} of the repository's committed work, nothing built, no data. */
final class FreshClone {

    private FreshClone() {
    }

    static void make(Path repository, Path clone) throws IOException, InterruptedException {
        delete(clone);
        Files.createDirectories(clone.getParent());
        Process git = new ProcessBuilder("git", "clone", "--quiet", repository.toString(), clone.toString()).inheritIO().start();
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git clone of " + repository + " failed");
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
