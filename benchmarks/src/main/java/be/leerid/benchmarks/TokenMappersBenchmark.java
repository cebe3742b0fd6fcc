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
import be.leerid.identifiers.ClientAttributes;
import be.leerid.identifiers.ServiceAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What LeerID's mappers add to one token, without Keycloak's own model access: the person's record from the
 * user's attributes, the client's sector and access check, the pseudonym, and every claim LeerID can release
 * (OIDC and SAML forms). Against the floor of one raw HMAC-SHA-256 on a ready Mac. Target: all mappers under
 * 50 microseconds per token. The same token for a {@code school} service (activated by 3,000 schools, one per client
 * attribute as LeerID keeps them; the learner is at two schools, one of which activated it) against an {@code open}
 * one: the activation check and per-school claims must add under 5 microseconds. {@link PseudonymBenchmarkMain}
 * prints the figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenMappersBenchmark {

    private static final SectorResolver SECTORS = new SectorResolver();

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private PseudonymDeriver deriver;
    private Map<String, List<String>> attributes;
    private Map<String, String> schoolService;
    private Map<String, String> openService;
    private Mac mac;
    private byte[] input;
    private int counter;

    @Setup
    public void setUp() throws Exception {
        deriver = new PseudonymDeriver(PseudonymKey.fromBase64(KEY));
        attributes = new HashMap<>();
        attributes.put(UserAttributes.LEERID, List.of("10000001"));
        attributes.put(UserAttributes.AFFILIATION, List.of("student", "member"));
        attributes.put(UserAttributes.SCHOOL, List.of("012345", "067890"));
        attributes.put(UserAttributes.GRADE, List.of("5"));
        attributes.put(UserAttributes.CLASS, List.of("5B"));
        attributes.put(UserAttributes.ENROLMENT, List.of("012345:5:5B", "067890:1:1A"));
        schoolService = new HashMap<>();
        schoolService.put(ClientAttributes.ACCESS, "school");
        for (int school = 100_000; school < 103_000; school++) {
            schoolService.put(ClientAttributes.activatedBy(Integer.toString(school)), "2026-09-01");
        }
        schoolService.put(ClientAttributes.activatedBy("067890"), "2026-09-01");
        openService = new HashMap<>();
        openService.put(ClientAttributes.ACCESS, "open");
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(KEY), "HmacSHA256"));
        input = "smartschool.be\u000010000001".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Map<String, Object> allLeerIdMappersForOneToken() {
        return oneToken(openService);
    }

    @Benchmark
    public Map<String, Object> allLeerIdMappersForOneSchoolServiceToken() {
        return oneToken(schoolService);
    }

    private Map<String, Object> oneToken(Map<String, String> client) {
        PersonRecord person = ServiceAccess.of(client.get(ClientAttributes.ACCESS)).release(PersonRecord.fromAttributes("Lotte", "Peeters",
                name -> attributes.getOrDefault(name, List.of())), school -> client.get(ClientAttributes.activatedBy(school)) != null, "c");
        String sector = SECTORS.forOidcClient(null, "https://www.smartschool.be", List.of("https://www.smartschool.be/callback"));
        Map<String, Object> claims = new HashMap<>();
        counter = (counter + 1) & 0xffff;
        claims.put("sub", deriver.derive(sector, Integer.toString(10_000_000 + counter)));
        for (Claim claim : Claim.values()) {
            claims.put(claim.oidcName(), claim.oidcClaim(person, "leerid.be"));
            claims.put(claim.samlName(), claim.samlValues(person, "leerid.be"));
        }
        return claims;
    }

    @Benchmark
    public byte[] rawHmacSha256Floor() {
        return mac.doFinal(input);
    }
}
