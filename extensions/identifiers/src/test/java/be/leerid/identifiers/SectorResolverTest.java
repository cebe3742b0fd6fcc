package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SectorResolverTest {

    @Test
    void oidcDefaultsToTheOneHostOfTheRedirectUris() {
        assertEquals("www.klascement.net", SectorResolver.forOidcClient(null, null,
                List.of("https://www.klascement.net/login/callback", "https://WWW.klascement.net/other/*")));
    }

    @Test
    void relativeRedirectUrisResolveAgainstTheRootUrl() {
        assertEquals("app.example.be", SectorResolver.forOidcClient("", "https://app.example.be", List.of("/callback")));
    }

    @Test
    void severalHostsWithoutConfiguredSectorAreRejected() {
        SectorException e = assertThrows(SectorException.class, () -> SectorResolver.forOidcClient(null, null,
                List.of("https://sint-jozef.smartschool.be/cb", "https://atheneum.smartschool.be/cb")));
        assertTrue(e.getMessage().contains("leerid.sector"), e.getMessage());
        assertTrue(e.getMessage().contains("8.1"), e.getMessage());
    }

    @Test
    void configuredSectorWinsAndIsNormalised() {
        assertEquals("smartschool.be", SectorResolver.forOidcClient(" SmartSchool.be ", null,
                List.of("https://sint-jozef.smartschool.be/cb", "https://atheneum.smartschool.be/cb")));
    }

    @Test
    void configuredSectorMustBeAHostName() {
        assertThrows(SectorException.class, () -> SectorResolver.forOidcClient("https://smartschool.be/", null, List.of()));
        assertThrows(SectorException.class, () -> SectorResolver.forSamlClient("smart school", "https://archief.be/sp"));
    }

    @Test
    void noRedirectUriWithAHostIsRejected() {
        assertThrows(SectorException.class, () -> SectorResolver.forOidcClient(null, null, List.of("/callback")));
    }

    @Test
    void samlDefaultsToTheHostOfTheEntityId() {
        assertEquals("archief.onderwijs.be", SectorResolver.forSamlClient(null, "https://archief.onderwijs.be/saml/sp"));
        assertThrows(SectorException.class, () -> SectorResolver.forSamlClient(null, "urn:archief:sp"));
        assertEquals("archief.onderwijs.be", SectorResolver.forSamlClient("archief.onderwijs.be", "urn:archief:sp"));
    }
}
