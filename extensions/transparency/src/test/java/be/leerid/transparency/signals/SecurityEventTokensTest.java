package be.leerid.transparency.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.PersonSignal;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class SecurityEventTokensTest {

    private static final String ISSUER = "https://leerid.test/realms/leerid";
    private static final Instant NOW = Instant.parse("2026-09-07T08:15:00Z");

    @Test
    void aSignedTokenNamesThePseudonymAndOneEvent() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String token = SecurityEventTokens.sign(SecurityEventTokens.claims(ISSUER, "klascement", "pseudoniem", PersonSignal.ACCOUNT_DISABLED, null,
                NOW, "jti-1"), (RSAPrivateKey) keys.getPrivate(), "kid-1");

        SignedJWT parsed = SignedJWT.parse(token);
        assertTrue(parsed.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic())));
        assertEquals("secevent+jwt", parsed.getHeader().getType().getType());
        assertEquals("kid-1", parsed.getHeader().getKeyID());
        var claims = parsed.getJWTClaimsSet();
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("klascement"), claims.getAudience());
        assertEquals("jti-1", claims.getJWTID());
        assertEquals(Map.of("format", "iss_sub", "iss", ISSUER, "sub", "pseudoniem"), claims.getJSONObjectClaim("sub_id"));
        assertEquals(Map.of("https://schemas.openid.net/secevent/risc/event-type/account-disabled", Map.of()),
                claims.getJSONObjectClaim("events"));
        // RFC 8417: a SET has no sub or exp of its own.
        assertEquals(null, claims.getSubject());
        assertEquals(null, claims.getExpirationTime());
    }

    @Test
    void sessionRevokedCarriesItsTime() throws Exception {
        var claims = SecurityEventTokens.claims(ISSUER, "smartschool", "p", PersonSignal.SESSIONS_REVOKED, null, NOW, "jti-2");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) claims.getJSONObjectClaim("events")
                .get("https://schemas.openid.net/secevent/caep/event-type/session-revoked");
        assertEquals(NOW.getEpochSecond(), ((Number) event.get("event_timestamp")).longValue());
    }

    @Test
    void identifierChangedNamesTheFormerPseudonymAndTheNewOne() throws Exception {
        var claims = SecurityEventTokens.claims(ISSUER, "smartschool", "oud", PersonSignal.IDENTIFIER_CHANGED, "nieuw", NOW, "jti-3");
        assertEquals(Map.of("format", "iss_sub", "iss", ISSUER, "sub", "oud"), claims.getJSONObjectClaim("sub_id"));
        assertEquals(Map.of("https://schemas.openid.net/secevent/risc/event-type/identifier-changed", Map.of("new-value", "nieuw")),
                claims.getJSONObjectClaim("events"));
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> SecurityEventTokens.claims(ISSUER, "smartschool", "oud", PersonSignal.IDENTIFIER_CHANGED, null, NOW, "jti-4"));
    }

    @Test
    void deliveryRetriesWithADoublingWaitForADay() {
        assertEquals(DeliveryPolicy.Outcome.DELIVERED, DeliveryPolicy.outcome(202));
        assertEquals(DeliveryPolicy.Outcome.REJECTED, DeliveryPolicy.outcome(400));
        assertEquals(DeliveryPolicy.Outcome.RETRY, DeliveryPolicy.outcome(503));
        assertEquals(DeliveryPolicy.Outcome.RETRY, DeliveryPolicy.outcome(-1));
        assertEquals(10_000, DeliveryPolicy.waitMillis(1));
        assertEquals(20_000, DeliveryPolicy.waitMillis(2));
        assertEquals(3_600_000, DeliveryPolicy.waitMillis(30));
        assertEquals(false, DeliveryPolicy.givesUp(0, 24L * 3600 * 1000 - 1));
        assertEquals(true, DeliveryPolicy.givesUp(0, 24L * 3600 * 1000));
    }
}
