package be.leerid.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;
import be.leerid.identifiers.SectorResolver;
import be.leerid.identifiers.ServiceAudience;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What LeerID's mappers add to one token, without Keycloak's own model access: the person's record from the
 * user's attributes, the client's sector and audience check, the pseudonym, and every claim LeerID can release
 * (OIDC and SAML forms). Against the floor of one raw HMAC-SHA-256 on a ready Mac. Target: all mappers under
 * 50 microseconds per token. {@link PseudonymBenchmarkMain} prints the figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenMappersBenchmark {

    private static final SectorResolver SECTORS = new SectorResolver();

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private PseudonymDeriver deriver;
    private Map<String, List<String>> attributes;
    private Mac mac;
    private byte[] input;
    private int counter;

    @Setup
    public void setUp() throws Exception {
        deriver = new PseudonymDeriver(PseudonymKey.fromBase64(KEY));
        attributes = new HashMap<>();
        attributes.put(UserAttributes.LEERID, List.of("10000001"));
        attributes.put(UserAttributes.AFFILIATION, List.of("student", "member"));
        attributes.put(UserAttributes.SCHOOL, List.of("012345"));
        attributes.put(UserAttributes.GRADE, List.of("5"));
        attributes.put(UserAttributes.CLASS, List.of("5B"));
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(KEY), "HmacSHA256"));
        input = "smartschool.be\u000010000001".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Map<String, Object> allLeerIdMappersForOneToken() {
        PersonRecord person = PersonRecord.fromAttributes("Lotte", "Peeters",
                name -> attributes.getOrDefault(name, List.of()));
        String sector = SECTORS.forOidcClient(null, "https://www.smartschool.be", List.of("https://www.smartschool.be/callback"));
        if (!ServiceAudience.of(null).admits(person)) {
            throw new IllegalStateException("refused");
        }
        Map<String, Object> claims = new HashMap<>();
        counter = (counter + 1) & 0xffff;
        claims.put("sub", deriver.derive(sector, Integer.toString(10_000_000 + counter)));
        for (Claim claim : Claim.values()) {
            List<String> values = claim.oidcValues(person, "leerid.be");
            claims.put(claim.oidcName(), claim.multivalued() ? values : values.isEmpty() ? null : values.get(0));
            claims.put(claim.samlName(), claim.samlValues(person, "leerid.be"));
        }
        return claims;
    }

    @Benchmark
    public byte[] rawHmacSha256Floor() {
        return mac.doFinal(input);
    }
}
