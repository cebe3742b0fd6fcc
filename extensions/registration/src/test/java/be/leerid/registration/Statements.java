package be.leerid.registration;

import java.time.Instant;

import be.leerid.identifiers.ServiceAccess;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Test material: authority keys and software statements. */
final class Statements {

    static final String ISSUER = "urn:be:vlaanderen:onderwijs:leerid:onboarding";

    private Statements() {
    }

    static RSAKey rsa(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    static ECKey ec(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim(SoftwareStatement.SOFTWARE_ID, "bingel")
                .claim(SoftwareStatement.CLIENT_NAME, "Bingel")
                .claim(SoftwareStatement.ORG_KBO, "0403.199.702")
                .claim(SoftwareStatement.SECTOR, "bingel.be")
                .claim(SoftwareStatement.REDIRECT_HOSTS, List.of("app.bingel.be", "bingel.be"))
                .claim(SoftwareStatement.SCOPE, "leerid-affiliation leerid-school")
                .claim(SoftwareStatement.CONTACTS, List.of("dpo@bingel.be"));
    }

    static String sign(JWK key, JWTClaimsSet claims) throws Exception {
        JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        return jwt.serialize();
    }

    /** An already verified statement, for policy tests. */
    static SoftwareStatement approved(Set<String> scopes, boolean clientCredentials) {
        return new SoftwareStatement("bingel", "Bingel", "0403199702", "bingel.be", List.of("app.bingel.be", "bingel.be"),
                scopes, false, clientCredentials, List.of("dpo@bingel.be"), null, null, Instant.now().plusSeconds(3600), "jwt",
                ServiceAccess.SCHOOL, null, false);
    }

    static Map<String, Object> publicJwks(JWK key) {
        return key.toPublicJWK().toJSONObject();
    }
}
