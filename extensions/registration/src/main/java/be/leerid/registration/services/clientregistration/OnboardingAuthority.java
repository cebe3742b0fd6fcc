package be.leerid.registration.services.clientregistration;

import java.time.Clock;

import be.leerid.registration.SoftwareStatementVerifier;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;

/**
 * Keycloak adapter: the onboarding authority a realm trusts, from realm attributes (config as code in
 * realm-config): {@value #ISSUER} and {@value #KEYS}, a JWK Set of public keys (several during rotation).
 */
public final class OnboardingAuthority {

    public static final String ISSUER = "leerid.onboarding.issuer";
    public static final String KEYS = "leerid.onboarding.jwks";

    private static final Logger LOG = Logger.getLogger(OnboardingAuthority.class);

    private OnboardingAuthority() {
    }

    /** @throws ErrorResponseException (503) if the realm has no usable authority: registration is closed */
    public static SoftwareStatementVerifier verifier(RealmModel realm) {
        try {
            return SoftwareStatementVerifier.of(realm.getAttribute(ISSUER), realm.getAttribute(KEYS), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            LOG.errorf("LeerID client registration in realm \"%s\" is closed: %s (realm attributes %s, %s)",
                    realm.getName(), e.getMessage(), ISSUER, KEYS);
            throw new ErrorResponseException("temporarily_unavailable",
                    "client registration is not configured for this realm", Response.Status.SERVICE_UNAVAILABLE);
        }
    }
}
