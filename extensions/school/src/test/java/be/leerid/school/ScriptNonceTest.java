package be.leerid.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class ScriptNonceTest {

    @Test
    void theNonceJoinsScriptSrcOnly() {
        assertEquals("default-src 'self'; script-src 'self' 'nonce-abc'; object-src 'none';",
                ScriptNonce.allow("default-src 'self'; script-src 'self'; object-src 'none';", "abc"));
        assertEquals("default-src 'self'; SCRIPT-SRC 'self' 'nonce-abc';", ScriptNonce.allow("default-src 'self';SCRIPT-SRC 'self'", "abc"));
    }

    @Test
    void aPolicyWithoutScriptSrcIsLeftAsItIs() {
        assertEquals("frame-ancestors 'self';", ScriptNonce.allow("frame-ancestors 'self';", "abc"));
        assertEquals("script-src-elem 'self'", ScriptNonce.allow("script-src-elem 'self'", "abc"));
    }

    @Test
    void noncesAreRandomAndUrlSafe() {
        SecureRandom random = new SecureRandom();
        String one = ScriptNonce.random(random);
        assertTrue(one.matches("[A-Za-z0-9_-]{22}"), one);
        assertNotEquals(one, ScriptNonce.random(random));
    }
}
