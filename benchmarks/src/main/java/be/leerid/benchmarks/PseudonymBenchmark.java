package be.leerid.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.mappers.PairwiseSubMapperHelper;
import org.keycloak.protocol.oidc.mappers.SHA256PairwiseSubMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One pseudonym derivation, LeerID's {@link PseudonymDeriver} against vanilla Keycloak's own
 * pairwise subject ({@link SHA256PairwiseSubMapper#generateSub}) on the same input. Target: under
 * 2 microseconds per derivation on one core. {@link PseudonymBenchmarkMain} prints the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PseudonymBenchmark {

    @Param({"smartschool.be"})
    public String sector;

    private PseudonymDeriver leerid;
    private SHA256PairwiseSubMapper keycloak;
    private ProtocolMapperModel keycloakModel;
    private int counter;

    @Setup
    public void setUp() {
        leerid = new PseudonymDeriver(PseudonymKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        keycloak = new SHA256PairwiseSubMapper();
        keycloakModel = new ProtocolMapperModel();
        Map<String, String> config = new HashMap<>();
        config.put(PairwiseSubMapperHelper.PAIRWISE_SUB_ALGORITHM_SALT, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        keycloakModel.setConfig(config);
    }

    private String nextLeerid() {
        counter = (counter + 1) & 0xffff;
        return Integer.toString(10_000_000 + counter);
    }

    @Benchmark
    public String leeridPseudonym() {
        return leerid.derive(sector, nextLeerid());
    }

    @Benchmark
    public String keycloakPairwiseSub() {
        return keycloak.generateSub(keycloakModel, sector, nextLeerid());
    }
}
