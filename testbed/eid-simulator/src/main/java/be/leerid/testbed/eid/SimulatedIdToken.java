package be.leerid.testbed.eid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The gateway's claims: the opaque subject, the national register number ({@value #NATIONAL_REGISTER_NUMBER}),
 * names and {@code acr}; then the defect picked for this login, if any.
 */
@Component
public class SimulatedIdToken implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** The claim name the Flemish gateway uses for the rijksregisternummer. */
    public static final String NATIONAL_REGISTER_NUMBER = "rrn";

    private final CardHolders cardHolders;
    private final AtomicReference<String> previousNonce = new AtomicReference<>();

    public SimulatedIdToken(CardHolders cardHolders) {
        this.cardHolders = cardHolders;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        Authentication principal = context.getPrincipal();
        CardHolder holder = cardHolders.byId(principal.getName()).orElseThrow();
        JwtClaimsSet.Builder claims = context.getClaims();
        claims.subject(holder.subject());
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        PickedCard picked = picked(principal);
        claims.claim(NATIONAL_REGISTER_NUMBER, holder.nationalRegisterNumber())
                .claim(StandardClaimNames.GIVEN_NAME, holder.givenName())
                .claim(StandardClaimNames.FAMILY_NAME, holder.familyName())
                .claim(IdTokenClaimNames.ACR, picked.means().acr());
        Object nonce = claims.build().getClaims().get(IdTokenClaimNames.NONCE);
        String earlier = previousNonce.getAndSet(nonce == null ? null : nonce.toString());
        switch (picked.fault()) {
            case EXPIRED -> {
                Instant past = Instant.now().minus(Duration.ofMinutes(30));
                claims.issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5)));
            }
            case WRONG_ISSUER -> claims.issuer("https://eid.aanval.example");
            case WRONG_AUDIENCE -> claims.audience(List.of("een-andere-dienst"));
            case REPLAYED_NONCE -> claims.claim(IdTokenClaimNames.NONCE, earlier == null ? "replayed-nonce" : earlier);
            default -> { }
        }
    }

    static PickedCard picked(Authentication principal) {
        return principal.getDetails() instanceof PickedCard picked ? picked : new PickedCard(Means.EID, Fault.NONE);
    }
}
