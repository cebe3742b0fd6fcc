package be.leerid.testbed.eid;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Sends the code back and forgets the card holder: like taking the card out of the reader, every login
 * at the simulator picks a card again. That keeps tests independent of each other.
 */
final class OneLoginPerCard implements AuthenticationSuccessHandler {

    /** The last redirect with a code, so tests can replay it (state and code are single-use at LeerID). */
    static final AtomicReference<String> LAST_RESPONSE = new AtomicReference<>("");

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationToken code = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(code.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, code.getAuthorizationCode().getTokenValue());
        if (code.getState() != null) {
            redirect.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(code.getState(), "UTF-8"));
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        String location = redirect.build(true).toUriString();
        LAST_RESPONSE.set(location);
        response.sendRedirect(location);
    }
}
