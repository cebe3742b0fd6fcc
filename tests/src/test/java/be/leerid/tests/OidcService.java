package be.leerid.tests;

import java.net.URI;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * An OIDC relying party played by the Nimbus SDK: it builds the authorization request, redeems the
 * code with PKCE, and validates what LeerID returns (ID token signature, issuer, audience, nonce,
 * expiry against the realm's JWKS) without any of LeerID's own parsing.
 */
final class OidcService {

    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private final Secret secret;
    private final RSAKey privateKey;

    OidcService(OIDCProviderMetadata provider, String clientId, String secret) {
        this(provider, clientId, secret, null);
    }

    private OidcService(OIDCProviderMetadata provider, String clientId, String secret, RSAKey privateKey) {
        this.provider = provider;
        this.clientId = new ClientID(clientId);
        this.secret = secret == null ? null : new Secret(secret);
        this.privateKey = privateKey;
    }

    /** A public client (the demo services): no client authentication, PKCE only. */
    static OidcService publicClient(OIDCProviderMetadata provider, String clientId) {
        return new OidcService(provider, clientId, null, null);
    }

    /** A client that authenticates with private_key_jwt (RFC 7523), as registered service providers do. */
    static OidcService withPrivateKey(OIDCProviderMetadata provider, String clientId, RSAKey privateKey) {
        return new OidcService(provider, clientId, null, privateKey);
    }

    /** The client's authentication for one request: a fresh signed assertion each time, or its secret. */
    ClientAuthentication authentication() {
        if (privateKey == null) {
            return new ClientSecretBasic(clientId, secret);
        }
        try {
            return new PrivateKeyJWT(clientId, provider.getTokenEndpointURI(), JWSAlgorithm.RS256, privateKey.toRSAPrivateKey(),
                    privateKey.getKeyID(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static OIDCProviderMetadata discover(String realmUrl) throws Exception {
        return OIDCProviderMetadata.resolve(new Issuer(realmUrl));
    }

    /** One authorization round trip: state, nonce and PKCE verifier kept for the response. */
    final class Login {
        final URI redirectUri;
        final State state = new State();
        final Nonce nonce = new Nonce();
        final CodeVerifier verifier = new CodeVerifier();
        final URI requestUri;
        private int maxClockSkew = IDTokenValidator.DEFAULT_MAX_CLOCK_SKEW;

        Login(URI redirectUri, String scope, String acrValues) {
            this.redirectUri = redirectUri;
            AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(scope),
                    clientId, redirectUri)
                    .endpointURI(provider.getAuthorizationEndpointURI())
                    .state(state).nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256);
            if (acrValues != null) {
                request.acrValues(List.of(new ACR(acrValues)));
            }
            this.requestUri = request.build().toURI();
        }

        /** The server's clock runs this far ahead (a test moved it): the ID token's times are checked against it. */
        Login withServerClockAhead(int seconds) {
            maxClockSkew = seconds + IDTokenValidator.DEFAULT_MAX_CLOCK_SKEW;
            return this;
        }

        AuthenticationResponse response(Browser browser) throws Exception {
            return AuthenticationResponseParser.parse(browser.arrivalAt(redirectUri));
        }

        /** Redeems the code the browser brought back and validates the ID token. */
        Tokens redeem(Browser browser) throws Exception {
            return redeem(browser.arrivalAt(redirectUri));
        }

        /** Redeems the code of an authorization response (the redirect back to the service). */
        Tokens redeem(URI arrival) throws Exception {
            var tokenResponse = OIDCTokenResponseParser.parse(tokenRequest(code(arrival), verifier).toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new AssertionError("token request failed: " + tokenResponse.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL());
            validator.setMaxClockSkew(maxClockSkew);
            IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
            return new Tokens(idToken, tokens.getOIDCTokens().getBearerAccessToken(), tokens.getOIDCTokens().getRefreshToken());
        }

        /** The code of a successful authorization response, after checking its state. */
        AuthorizationCode code(URI arrival) throws Exception {
            AuthenticationResponse response = AuthenticationResponseParser.parse(arrival);
            if (response instanceof AuthenticationErrorResponse error) {
                throw new AssertionError("authorization failed: " + error.getErrorObject());
            }
            AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
            if (!state.equals(success.getState())) {
                throw new AssertionError("state mismatch");
            }
            return success.getAuthorizationCode();
        }

        /** A token request for a code with any verifier (or none), for the attacks on it. */
        TokenRequest tokenRequest(AuthorizationCode code, CodeVerifier codeVerifier) {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri, codeVerifier);
            return secret == null && privateKey == null ? new TokenRequest(provider.getTokenEndpointURI(), clientId, grant)
                    : new TokenRequest(provider.getTokenEndpointURI(), authentication(), grant);
        }
    }

    Login login(URI redirectUri, String scope) {
        return new Login(redirectUri, scope, null);
    }

    /** A login that requires a level of authentication (acr_values), such as LeerID's eID level. */
    Login login(URI redirectUri, String scope, String acrValues) {
        return new Login(redirectUri, scope, acrValues);
    }

    /** The access token's claims, after checking its signature against the realm's JWKS. */
    JWTClaimsSet accessTokenClaims(BearerAccessToken accessToken) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier((header, context) -> { });
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(provider.getJWKSetURI().toURL()).build()));
        return processor.process(accessToken.getValue(), null);
    }

    UserInfo userInfo(BearerAccessToken accessToken) throws Exception {
        UserInfoResponse response = UserInfoResponse.parse(
                new UserInfoRequest(provider.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("userinfo failed: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse().getUserInfo();
    }

    TokenIntrospectionSuccessResponse introspect(BearerAccessToken accessToken) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                provider.getIntrospectionEndpointURI(), authentication(), accessToken)
                .toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("introspection failed: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse();
    }

    record Tokens(IDTokenClaimsSet idToken, BearerAccessToken accessToken, RefreshToken refreshToken) {
    }

    /** A refresh token grant: new validated tokens, or the OAuth error the server answered. */
    Object refresh(Tokens tokens) throws Exception {
        TokenRequest request = new TokenRequest(provider.getTokenEndpointURI(), authentication(),
                new RefreshTokenGrant(tokens.refreshToken()));
        var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            return response.toErrorResponse().getErrorObject();
        }
        OIDCTokenResponse refreshed = (OIDCTokenResponse) response.toSuccessResponse();
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
        return new Tokens(validator.validate(refreshed.getOIDCTokens().getIDToken(), null),
                refreshed.getOIDCTokens().getBearerAccessToken(), refreshed.getOIDCTokens().getRefreshToken());
    }
}
