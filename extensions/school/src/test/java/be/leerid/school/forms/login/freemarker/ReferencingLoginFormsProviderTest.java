package be.leerid.school.forms.login.freemarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReferencingLoginFormsProviderTest {

    @Test
    void theWayBackIsTheOriginOfTheReturnAddress() {
        assertEquals("https://onderwijs.hetarchief.be/", ReferencingLoginFormsProvider.serviceHome("https://onderwijs.hetarchief.be/saml/acs"));
        assertEquals("http://localhost:8181/", ReferencingLoginFormsProvider.serviceHome("http://localhost:8181/callback?x=1#y"));
        assertNull(ReferencingLoginFormsProvider.serviceHome("be.leerid.app:/callback"));
        assertNull(ReferencingLoginFormsProvider.serviceHome("javascript:alert(1)"));
        assertNull(ReferencingLoginFormsProvider.serviceHome("not a uri"));
        assertNull(ReferencingLoginFormsProvider.serviceHome(null));
    }
}
