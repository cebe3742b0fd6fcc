package be.leerid.tools.onboarding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.leerid.registration.SoftwareStatement;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The onboarding authority's tool (documented in README):
 * <pre>
 *   issue --key FILE --software-id ID --name NAME --kbo NUMBER --sector DOMAIN --hosts H1,H2 --scope "S1 S2"
 *         [--raw-leerid] [--client-credentials] [--contact EMAIL]... [--policy-uri URL] [--tos-uri URL]
 *         [--days 365] [--issuer ISSUER]
 *   keygen --key FILE      a new RSA authority key: private JWK to FILE, public JWK Set on stdout
 * </pre>
 * The key file is a private JWK (RSA for RS256, EC P-256 for ES256); in production it comes from the vault.
 */
public final class SoftwareStatementCommand {

    public static final String DEFAULT_ISSUER = "urn:be:vlaanderen:onderwijs:leerid:onboarding";

    private SoftwareStatementCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, List<String>> options = options(args);
        switch (args[0]) {
            case "issue" -> System.out.println(issue(options));
            case "keygen" -> System.out.println(keygen(Path.of(required(options, "key"))));
            default -> usage();
        }
    }

    static String issue(Map<String, List<String>> options) throws Exception {
        JWK key = JWK.parse(Files.readString(Path.of(required(options, "key"))));
        JWSAlgorithm algorithm;
        JWSSigner signer;
        if (key instanceof RSAKey rsa) {
            algorithm = JWSAlgorithm.RS256;
            signer = new RSASSASigner(rsa);
        } else if (key instanceof ECKey ec) {
            algorithm = JWSAlgorithm.ES256;
            signer = new ECDSASigner(ec);
        } else {
            throw new IllegalArgumentException("the key must be an RSA or EC private JWK");
        }
        Instant now = Instant.now();
        long days = Long.parseLong(optional(options, "days", "365"));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(optional(options, "issuer", DEFAULT_ISSUER))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(days))))
                .jwtID(UUID.randomUUID().toString())
                .claim(SoftwareStatement.SOFTWARE_ID, required(options, "software-id"))
                .claim(SoftwareStatement.CLIENT_NAME, required(options, "name"))
                .claim(SoftwareStatement.ORG_KBO, required(options, "kbo"))
                .claim(SoftwareStatement.SECTOR, required(options, "sector"))
                .claim(SoftwareStatement.REDIRECT_HOSTS, List.of(required(options, "hosts").split(",")))
                .claim(SoftwareStatement.SCOPE, required(options, "scope"))
                .claim(SoftwareStatement.RAW_LEERID, options.containsKey("raw-leerid"))
                .claim(SoftwareStatement.CLIENT_CREDENTIALS, options.containsKey("client-credentials"))
                .claim(SoftwareStatement.CONTACTS, options.getOrDefault("contact", List.of()));
        if (options.containsKey("policy-uri")) {
            claims.claim(SoftwareStatement.POLICY_URI, required(options, "policy-uri"));
        }
        if (options.containsKey("tos-uri")) {
            claims.claim(SoftwareStatement.TOS_URI, required(options, "tos-uri"));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                .type(new JOSEObjectType("software-statement+jwt")).build(), claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String keygen(Path keyFile) throws Exception {
        RSAKey key = new RSAKeyGenerator(3072).keyUse(KeyUse.SIGNATURE).keyID("onboarding-" + Instant.now().getEpochSecond())
                .algorithm(JWSAlgorithm.RS256).generate();
        Files.writeString(keyFile, key.toJSONString());
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return options;
    }

    private static String required(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return values.get(0);
    }

    private static String optional(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static void usage() {
        System.err.println("""
                usage: software-statement issue --key FILE --software-id ID --name NAME --kbo NUMBER --sector DOMAIN
                           --hosts HOST[,HOST...] --scope "SCOPE ..." [--raw-leerid] [--client-credentials]
                           [--contact EMAIL]... [--policy-uri URL] [--tos-uri URL] [--days 365] [--issuer ISSUER]
                       software-statement keygen --key FILE""");
    }
}
