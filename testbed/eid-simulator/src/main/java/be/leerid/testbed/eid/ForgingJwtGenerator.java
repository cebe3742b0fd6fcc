package be.leerid.testbed.eid;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/** Signs the ID token with a forger's key under the gateway's key id when that defect was picked. */
final class ForgingJwtGenerator implements OAuth2TokenGenerator<Jwt> {

    private final JwtGenerator genuine;
    private final JwtEncoder forger;

    ForgingJwtGenerator(JwtGenerator genuine, JwtEncoder forger) {
        this.genuine = genuine;
        this.forger = forger;
    }

    @Override
    public Jwt generate(OAuth2TokenContext context) {
        Jwt jwt = genuine.generate(context);
        if (jwt == null || !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || SimulatedIdToken.picked(context.getPrincipal()).fault() != Fault.FORGED_SIGNATURE) {
            return jwt;
        }
        JwsHeader header = JwsHeader.with(() -> jwt.getHeaders().get("alg").toString()).keyId(SecurityConfig.KEY_ID).build();
        JwtClaimsSet claims = JwtClaimsSet.builder().claims(c -> c.putAll(jwt.getClaims())).build();
        return forger.encode(JwtEncoderParameters.from(header, claims));
    }
}
