package be.leerid.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SoftwareStatementVerifierTest {

    private static RSAKey current;
    private static ECKey next;
    private static SoftwareStatementVerifier verifier;

    @BeforeAll
    static void authority() throws Exception {
        current = Statements.rsa("authority-2026");
        next = Statements.ec("authority-2027");
        // Two trusted keys: rotation.
        verifier = SoftwareStatementVerifier.of(Statements.ISSUER,
                new JWKSet(List.of(current.toPublicJWK(), next.toPublicJWK())).toString(true), Clock.systemUTC());
    }

    private static String refusal(String token) {
        return assertThrows(RegistrationException.class, () -> verifier.verify(token)).error();
    }

    @Test
    void rs256AndEs256StatementsFromEitherTrustedKey() throws Exception {
        SoftwareStatement statement = verifier.verify(Statements.sign(current, Statements.claims().build()));
        assertEquals("bingel", statement.softwareId());
        assertEquals("0403199702", statement.organisationNumber());
        assertEquals(Set.of("leerid-affiliation", "leerid-school"), statement.scopes());
        assertEquals("bingel.be", verifier.verify(Statements.sign(next, Statements.claims().build())).sector());
    }

    @Test
    void missingStatement() {
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(null));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal("not.a.jwt"));
    }

    @Test
    void algNoneIsRefused() {
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(new PlainJWT(Statements.claims().build()).serialize()));
    }

    @Test
    void hs256WithThePublicKeyAsSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current.getKeyID()).build(),
                Statements.claims().build());
        jwt.sign(new MACSigner(current.toPublicJWK().toJSONString().getBytes()));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(jwt.serialize()));
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String[] parts = Statements.sign(current, Statements.claims().build()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("leerid-school", "leerid-id leerid-school");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(forged));
    }

    @Test
    void unknownKeysAreRefused() throws Exception {
        assertEquals(RegistrationException.UNAPPROVED_SOFTWARE_STATEMENT,
                refusal(Statements.sign(Statements.rsa("somebody-else"), Statements.claims().build())));
        // Same key id as the authority's, another key: the signature fails.
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT,
                refusal(Statements.sign(Statements.rsa("authority-2026"), Statements.claims().build())));
    }

    @Test
    void validityPeriodAndIssuer() throws Exception {
        Instant now = Instant.now();
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().expirationTime(Date.from(now.minusSeconds(3600))).build())));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().notBeforeTime(Date.from(now.plusSeconds(3600))).build())));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                new JWTClaimsSet.Builder(Statements.claims().build()).expirationTime(null).build())));
        assertEquals(RegistrationException.UNAPPROVED_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().issuer("https://evil.example").build())));
    }

    @Test
    void approvalsMustBeWellFormed() throws Exception {
        // A statement whose redirect hosts leave its sector approves nothing.
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().claim(SoftwareStatement.REDIRECT_HOSTS, List.of("app.bingel.be", "evil.com")).build())));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().claim(SoftwareStatement.ORG_KBO, "0403.199.703").build())));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().claim(SoftwareStatement.SCOPE, "leerid-id").build())));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refusal(Statements.sign(current,
                Statements.claims().claim(SoftwareStatement.SECTOR, "127.0.0.1").build())));
    }

    @Test
    void aStatementMayNameTheServicesSignalReceiver() throws Exception {
        assertEquals(null, verifier.verify(Statements.sign(current, Statements.claims().build())).signalReceiver());
        assertEquals("https://app.bingel.be/ssf/events", verifier.verify(Statements.sign(current,
                Statements.claims().claim(SoftwareStatement.SIGNAL_RECEIVER, "https://app.bingel.be/ssf/events").build())).signalReceiver());
        RegistrationException refused = assertThrows(RegistrationException.class, () -> verifier.verify(Statements.sign(current,
                Statements.claims().claim(SoftwareStatement.SIGNAL_RECEIVER, "http://app.bingel.be/ssf/events").build())));
        assertEquals(RegistrationException.INVALID_SOFTWARE_STATEMENT, refused.error());
        assertTrue(refused.getMessage().contains("leerid_ssf_receiver: endpoint must use https"), refused.getMessage());
    }

    @Test
    void configurationMustHoldPublicKeysOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> SoftwareStatementVerifier.of(Statements.ISSUER, new JWKSet(current).toString(false), Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> SoftwareStatementVerifier.of(Statements.ISSUER, "{}", Clock.systemUTC()));
        assertTrue(new JWKSet(current).toString(true).contains(current.getKeyID()));
    }
}
