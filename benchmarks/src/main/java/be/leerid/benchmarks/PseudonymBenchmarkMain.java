package be.leerid.benchmarks;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PseudonymBenchmark}, {@link TokenMappersBenchmark} and {@link ActivationLettersBenchmark} and prints
 * LeerID's cost against vanilla Keycloak's pairwise subject, against the raw HMAC-SHA-256 floor, and the time
 * a school's letters take against their target.
 */
public final class PseudonymBenchmarkMain {

    private static final double TARGET_NANOS = 2_000;
    private static final double MAPPERS_TARGET_NANOS = 50_000;
    private static final double LETTERS_TARGET_MILLIS = 10_000;
    private static final double SCHOOL_SERVICE_TARGET_NANOS = 5_000;

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(PseudonymBenchmark.class.getSimpleName())
                .include(TokenMappersBenchmark.class.getSimpleName())
                .include(ActivationLettersBenchmark.class.getSimpleName())
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double leerid = score(results, "leeridPseudonym");
        double keycloak = score(results, "keycloakPairwiseSub");
        System.out.printf("%nLeerID pseudonym:             %8.1f ns/op (target < %.0f ns: %s)%n", leerid, TARGET_NANOS,
                leerid < TARGET_NANOS ? "met" : "MISSED");
        System.out.printf("Keycloak SHA-256 pairwise:    %8.1f ns/op%n", keycloak);
        System.out.printf("Ratio LeerID / Keycloak:      %8.2f%n", leerid / keycloak);
        double mappers = score(results, "allLeerIdMappersForOneToken");
        double floor = score(results, "rawHmacSha256Floor");
        System.out.printf("All LeerID mappers, 1 token:  %8.1f ns/op (target < %.0f ns: %s)%n", mappers, MAPPERS_TARGET_NANOS,
                mappers < MAPPERS_TARGET_NANOS ? "met" : "MISSED");
        double schoolService = score(results, "allLeerIdMappersForOneSchoolServiceToken");
        double band = error(results, "allLeerIdMappersForOneToken") + error(results, "allLeerIdMappersForOneSchoolServiceToken");
        System.out.printf("Same token, school service:   %8.1f ns/op; added by activation check and per-school claims %.1f ns"
                        + " (target < %.0f ns: %s; noise band +/- %.1f ns, the two scores' 99.9%% errors; ratio %.3f)%n",
                schoolService, schoolService - mappers, SCHOOL_SERVICE_TARGET_NANOS,
                schoolService - mappers + band < SCHOOL_SERVICE_TARGET_NANOS ? "met" : "MISSED", band, schoolService / mappers);
        System.out.printf("Raw HMAC-SHA-256 floor:       %8.1f ns/op%n", floor);
        System.out.printf("Pseudonym / floor:            %8.2f%n", leerid / floor);
        RunResult letters = results.stream().filter(r -> r.getParams().getBenchmark().endsWith(".wholeSchool")).findFirst().orElseThrow();
        double millis = letters.getPrimaryResult().getScore();
        var shots = letters.getPrimaryResult().getStatistics();
        System.out.printf("Letters, 2,500 learners:      %8.0f ms (target < %.0f ms: %s; ratio to target %.2f; shots %.0f-%.0f ms)%n",
                millis, LETTERS_TARGET_MILLIS, millis < LETTERS_TARGET_MILLIS ? "met" : "MISSED", millis / LETTERS_TARGET_MILLIS,
                shots.getMin(), shots.getMax());
    }

    private static double error(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .mapToDouble(r -> r.getPrimaryResult().getScoreError())
                .filter(e -> !Double.isNaN(e))
                .findFirst().orElse(0);
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst().orElseThrow(() -> new IllegalStateException("no result for " + benchmark));
    }
}
