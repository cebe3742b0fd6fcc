package be.leerid.school;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * A page's script nonce (CSP Level 3): the realm's policy allows scripts from LeerID's own origin only
 * ({@code script-src 'self'}); the few inline scripts LeerID's templates write carry this page's nonce, and the
 * page's policy allows that nonce. A nonce is random per page, so no script an attacker could slip into a page
 * carries it.
 */
public final class ScriptNonce {

    /** The session attribute (one request) under which the page's nonce waits for the response's headers. */
    public static final String SESSION_ATTRIBUTE = "leerid.script-nonce";
    /** The template attribute that holds it. */
    public static final String TEMPLATE_ATTRIBUTE = "leeridNonce";
    private static final String DIRECTIVE = "script-src";

    private ScriptNonce() {
    }

    /** 128 random bits, base64url without padding (a valid CSP nonce). */
    public static String random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The policy with {@code 'nonce-…'} added to its {@code script-src}; a policy without {@code script-src}
     * restricts no script (or only through {@code default-src}, which LeerID's realm does not rely on for scripts)
     * and is returned unchanged.
     */
    public static String allow(String policy, String nonce) {
        StringBuilder result = new StringBuilder();
        boolean added = false;
        for (String directive : policy.split(";")) {
            String trimmed = directive.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String name = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (!added && name.equals(DIRECTIVE)) {
                trimmed = trimmed + " 'nonce-" + nonce + "'";
                added = true;
            }
            result.append(result.isEmpty() ? "" : " ").append(trimmed).append(';');
        }
        return added ? result.toString() : policy;
    }
}
