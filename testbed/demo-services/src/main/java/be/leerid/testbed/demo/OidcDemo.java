package be.leerid.testbed.demo;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A demo OpenID Connect relying party (public client, code flow with PKCE, Nimbus): shows what it
 * received from LeerID and takes part in back-channel logout.
 */
final class OidcDemo {

    private record Pending(CodeVerifier verifier, Nonce nonce) {
    }

    private final String name;
    private final URI base;
    private final ClientID clientId;
    private final String realmUrl;
    private final Sessions sessions;
    private final Map<State, Pending> pending = new ConcurrentHashMap<>();
    private final SignalLog signals = new SignalLog();
    private volatile OIDCProviderMetadata provider;

    OidcDemo(String name, URI base, String clientId, String realmUrl) {
        this.name = name;
        this.base = base;
        this.clientId = new ClientID(clientId);
        this.realmUrl = realmUrl;
        this.sessions = new Sessions(clientId.replaceAll("[^a-z0-9]", "") + "_session");
    }

    void mount(HttpServer server) {
        server.createContext("/", this::home);
        server.createContext("/login", this::login);
        server.createContext("/callback", this::callback);
        server.createContext("/logout", this::logout);
        server.createContext("/backchannel-logout", this::backchannelLogout);
        server.createContext("/ssf/events", this::securityEvent);
    }

    private OIDCProviderMetadata provider() throws Exception {
        if (provider == null) {
            provider = OIDCProviderMetadata.resolve(new Issuer(realmUrl));
        }
        return provider;
    }

    private void home(HttpExchange exchange) throws IOException {
        Page.home(exchange, name, signals.html(), sessions.current(exchange), "sub");
    }

    private void login(HttpExchange exchange) throws IOException {
        try {
            State state = new State();
            Pending login = new Pending(new CodeVerifier(), new Nonce());
            pending.put(state, login);
            URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), clientId, base.resolve("/callback"))
                    .endpointURI(provider().getAuthorizationEndpointURI()).state(state).nonce(login.nonce())
                    .codeChallenge(login.verifier(), CodeChallengeMethod.S256).build().toURI();
            Page.redirect(exchange, request.toString());
        } catch (Exception e) {
            Page.html(exchange, 503, name, "<p>LeerID is niet bereikbaar. Probeer het zo meteen opnieuw.</p>");
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(base.resolve(exchange.getRequestURI().toString()));
            Pending login = pending.remove(response.getState());
            if (login == null || !response.indicatesSuccess()) {
                Page.html(exchange, 400, name, "<p>Aanmelden is niet gelukt.</p><p><a href=\"/\">Terug</a></p>");
                return;
            }
            AuthorizationCode code = ((AuthenticationSuccessResponse) response).getAuthorizationCode();
            var tokenResponse = OIDCTokenResponseParser.parse(new TokenRequest(provider().getTokenEndpointURI(), clientId,
                    new AuthorizationCodeGrant(code, base.resolve("/callback"), login.verifier())).toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                Page.html(exchange, 400, name, "<p>Aanmelden is niet gelukt.</p>");
                return;
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            IDTokenClaimsSet idToken = new IDTokenValidator(provider().getIssuer(), clientId, JWSAlgorithm.RS256,
                    provider().getJWKSetURI().toURL()).validate(tokens.getOIDCTokens().getIDToken(), login.nonce());
            Map<String, Object> claims = new LinkedHashMap<>(idToken.toJSONObject());
            for (String technical : new String[] {"iss", "aud", "exp", "iat", "auth_time", "nonce", "jti", "azp", "sid", "at_hash",
                    "typ", "session_state"}) {
                claims.remove(technical);
            }
            String sid = idToken.getStringClaim("sid");
            sessions.start(exchange, new Sessions.Session(claims, sid, tokens.getOIDCTokens().getIDTokenString()));
            Page.redirect(exchange, base.resolve("/").toString());
        } catch (Exception e) {
            Page.html(exchange, 400, name, "<p>Aanmelden is niet gelukt.</p><p><a href=\"/\">Terug</a></p>");
        }
    }

    /** RP-initiated logout: the local session ends here, LeerID's (and every other service's) at LeerID. */
    private void logout(HttpExchange exchange) throws IOException {
        Sessions.Session session = sessions.current(exchange);
        sessions.end(exchange);
        try {
            if (session == null) {
                Page.redirect(exchange, base.resolve("/").toString());
                return;
            }
            URI logout = new LogoutRequest(provider().getEndSessionEndpointURI(), JWTParser.parse(session.logoutHint()),
                    base.resolve("/"), null).toURI();
            Page.redirect(exchange, logout.toString());
        } catch (Exception e) {
            Page.redirect(exchange, base.resolve("/").toString());
        }
    }

    /** OpenID Connect Back-Channel Logout 1.0: LeerID calls this when the person logs out anywhere. */
    private void backchannelLogout(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Page.status(exchange, 405);
            return;
        }
        try {
            String token = Page.form(exchange).get("logout_token");
            LogoutTokenClaimsSet claims = new LogoutTokenValidator(provider().getIssuer(), clientId, JWSAlgorithm.RS256,
                    provider().getJWKSetURI().toURL()).validate(JWTParser.parse(token));
            sessions.endLeeridSession(claims.getSessionID() == null ? null : claims.getSessionID().getValue());
            Page.status(exchange, 200);
        } catch (Exception e) {
            Page.status(exchange, 400);
        }
    }

    /**
     * Shared Signals push delivery (RFC 8935): a Security Event Token from LeerID, verified with Nimbus against
     * LeerID's keys; the person it names (by the pseudonym this service knows) is signed out here, and the page
     * shows what LeerID said.
     */
    private void securityEvent(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Page.status(exchange, 405);
            return;
        }
        try {
            String token = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            SignalLog.Signal signal = SignalLog.verify(token, provider().getIssuer().getValue(), clientId.getValue(),
                    provider().getJWKSetURI().toURL());
            sessions.endSubject("sub", signal.subject());
            signals.add(signal);
            Page.status(exchange, 202);
        } catch (Exception e) {
            Page.status(exchange, 400);
        }
    }
}
