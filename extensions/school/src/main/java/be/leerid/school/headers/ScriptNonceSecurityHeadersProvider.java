package be.leerid.school.headers;

import be.leerid.school.ScriptNonce;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.keycloak.headers.DefaultSecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's security headers (the realm's), plus the page's script nonce in {@code script-src} when LeerID's login
 * pages rendered the page ({@link ScriptNonce}). Keycloak adds one inline script of its own after a page is rendered
 * (the browser-history fix of {@code BrowserHistoryHelper}, whose text it writes itself): it gets the nonce here.
 */
public final class ScriptNonceSecurityHeadersProvider extends DefaultSecurityHeadersProvider {

    /** How Keycloak's history script begins (BrowserHistoryHelper.JavascriptHistoryReplace). */
    static final String HISTORY_SCRIPT = "<SCRIPT> if (typeof history.replaceState === 'function') {";

    private final KeycloakSession session;

    public ScriptNonceSecurityHeadersProvider(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public void addHeaders(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        super.addHeaders(requestContext, responseContext);
        Object nonce = session.getAttribute(ScriptNonce.SESSION_ATTRIBUTE);
        String header = BrowserSecurityHeaders.CONTENT_SECURITY_POLICY.getHeaderName();
        Object policy = responseContext.getHeaders().getFirst(header);
        if (nonce == null || policy == null) {
            return;
        }
        responseContext.getHeaders().putSingle(header, ScriptNonce.allow(policy.toString(), nonce.toString()));
        if (responseContext.getEntity() instanceof String html && html.contains(HISTORY_SCRIPT)) {
            responseContext.setEntity(html.replace(HISTORY_SCRIPT,
                    "<SCRIPT nonce=\"" + nonce + "\"> if (typeof history.replaceState === 'function') {"));
        }
    }
}
