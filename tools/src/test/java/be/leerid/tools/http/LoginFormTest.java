package be.leerid.tools.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginFormTest {

    @Test
    void readsTheActionWhicheverAttributeComesFirst() {
        URI expected = URI.create("http://localhost/realms/leerid/login-actions/authenticate?session_code=a&execution=b");
        assertEquals(Optional.of(expected), LoginForm.action(
                "<form id=\"kc-form-login\" method=\"post\" action=\"http://localhost/realms/leerid/login-actions/authenticate?session_code=a&amp;execution=b\">"));
        assertEquals(Optional.of(expected), LoginForm.action(
                "<form action=\"http://localhost/realms/leerid/login-actions/authenticate?session_code=a&amp;execution=b\" id=\"kc-form-login\">"));
    }

    @Test
    void aPageWithoutTheLoginFormHasNoAction() {
        assertTrue(LoginForm.action("<form id=\"kc-select-language\" action=\"/x\"></form>").isEmpty());
    }
}
