package be.leerid.testbed.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * A demo service's own sessions, in memory, under a cookie of its own name (the three demo services share
 * the host localhost, and cookies do not care about ports).
 */
final class Sessions {

    /**
     * One signed-in person at this service, LeerID's session id for back-channel logout, and what the
     * service sends back when the person logs out here: the ID token (OIDC) or the NameID (SAML).
     */
    record Session(Map<String, Object> claims, String leeridSession, String logoutHint) {
    }

    private final String cookie;
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Sessions(String cookie) {
        this.cookie = cookie;
    }

    Session current(HttpExchange exchange) {
        String id = Page.cookie(exchange, cookie);
        return id == null ? null : byId.get(id);
    }

    void start(HttpExchange exchange, Session session) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byId.put(id, session);
        exchange.getResponseHeaders().add("Set-Cookie", cookie + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
    }

    void end(HttpExchange exchange) {
        String id = Page.cookie(exchange, cookie);
        if (id != null) {
            byId.remove(id);
        }
        exchange.getResponseHeaders().add("Set-Cookie", cookie + "=; Path=/; Max-Age=0");
    }

    /** A Shared Signals event about the person this service knows as {@code sub}: every local session of theirs ends. */
    int endSubject(String subjectClaim, String sub) {
        int before = byId.size();
        byId.values().removeIf(s -> sub != null && sub.equals(String.valueOf(s.claims().get(subjectClaim))));
        return before - byId.size();
    }

    /** Back-channel logout: LeerID says its session ended; every local session of it ends too. */
    int endLeeridSession(String leeridSession) {
        int before = byId.size();
        byId.values().removeIf(s -> leeridSession != null && leeridSession.equals(s.leeridSession()));
        return before - byId.size();
    }
}
