package be.leerid.transparency.signals;

import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import be.leerid.identifiers.PersonSignal;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Security Event Tokens (RFC 8417) as the Shared Signals Framework 1.0 shapes them: one event per token, the subject
 * as {@code sub_id} in the {@code iss_sub} format with the pseudonym the receiving service knows, never a LeerID,
 * a name or a username. Signed RS256 with the realm's key, {@code typ} {@value #TYPE}.
 */
public final class SecurityEventTokens {

    public static final String TYPE = "secevent+jwt";

    private SecurityEventTokens() {
    }

    /**
     * @param newValue for {@link PersonSignal#IDENTIFIER_CHANGED} (required there, ignored elsewhere): the pseudonym
     *                 that replaces {@code pseudonym} at this service, RISC's {@code new-value}
     */
    public static JWTClaimsSet claims(String issuer, String audience, String pseudonym, PersonSignal signal, String newValue,
                                      Instant now, String id) {
        Map<String, Object> event = switch (signal) {
            case SESSIONS_REVOKED -> Map.of("event_timestamp", now.getEpochSecond());
            case IDENTIFIER_CHANGED -> Map.of("new-value", java.util.Objects.requireNonNull(newValue, "an identifier change needs the new value"));
            default -> Map.of();
        };
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .jwtID(id)
                .claim("sub_id", Map.of("format", "iss_sub", "iss", issuer, "sub", pseudonym))
                .claim("events", Map.of(signal.eventType(), event))
                .build();
    }

    public static String sign(JWTClaimsSet claims, RSAPrivateKey key, String keyId) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(TYPE)).keyID(keyId).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the realm's RS256 key cannot sign", e);
        }
        return token.serialize();
    }
}
