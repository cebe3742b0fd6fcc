package be.leerid.testbed.eid;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/** The gateway: one registered client (LeerID), code flow with PKCE, RS256 ID tokens, a card picker as login. */
@Configuration
public class SecurityConfig {

    static final String KEY_ID = "eid-simulator-1";

    @Bean
    @Order(1)
    SecurityFilterChain gateway(HttpSecurity http, OAuth2TokenGenerator<?> tokens) throws Exception {
        OAuth2AuthorizationServerConfigurer gateway = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(gateway.getEndpointsMatcher())
                .with(gateway, g -> g
                        .oidc(Customizer.withDefaults())
                        .tokenGenerator(tokens)
                        .authorizationEndpoint(a -> a.authorizationResponseHandler(new OneLoginPerCard())))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain picker(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/error", "/last-authorization-response").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").authenticationDetailsSource(PickedCard::from));
        return http.build();
    }

    @Bean
    RegisteredClientRepository clients(SimulatorProperties properties) {
        RegisteredClient.Builder leerid = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(properties.clientId())
                .clientSecret("{noop}" + properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
        properties.redirectUris().forEach(leerid::redirectUri);
        return new InMemoryRegisteredClientRepository(leerid.build());
    }

    @Bean
    AuthorizationServerSettings gatewaySettings(SimulatorProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() {
        return new ImmutableJWKSet<>(new JWKSet(rsaKey(KEY_ID)));
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> signingKeys, SimulatedIdToken idTokens) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(signingKeys));
        jwt.setJwtCustomizer(idTokens);
        // A forger holds a key of its own but claims the gateway's key id.
        JWKSource<SecurityContext> forgersKey = new ImmutableJWKSet<>(new JWKSet(rsaKey(KEY_ID)));
        return new DelegatingOAuth2TokenGenerator(new ForgingJwtGenerator(jwt, new NimbusJwtEncoder(forgersKey)),
                new OAuth2AccessTokenGenerator(), new OAuth2RefreshTokenGenerator());
    }

    static RSAKey rsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
