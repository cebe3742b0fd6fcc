package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SectorResolverTest {

    private final SectorResolver sectors = new SectorResolver();

    @Test
    void oidcDefaultsToTheOneHostOfTheRedirectUris() {
        assertEquals("www.klascement.net", sectors.forOidcClient(null, null,
                List.of("https://www.klascement.net/login/callback", "https://WWW.klascement.net/other/*")));
    }

    @Test
    void relativeRedirectUrisResolveAgainstTheRootUrl() {
        assertEquals("app.example.be", sectors.forOidcClient("", "https://app.example.be", List.of("/callback")));
    }

    @Test
    void severalHostsWithoutConfiguredSectorAreRejected() {
        SectorException e = assertThrows(SectorException.class, () -> sectors.forOidcClient(null, null,
                List.of("https://sint-jozef.smartschool.be/cb", "https://atheneum.smartschool.be/cb")));
        assertTrue(e.getMessage().contains("leerid.sector"), e.getMessage());
        assertTrue(e.getMessage().contains("8.1"), e.getMessage());
    }

    @Test
    void configuredSectorWinsAndIsNormalised() {
        assertEquals("smartschool.be", sectors.forOidcClient(" SmartSchool.be ", null,
                List.of("https://sint-jozef.smartschool.be/cb", "https://atheneum.smartschool.be/cb")));
    }

    @Test
    void configuredSectorMustBeAHostName() {
        assertThrows(SectorException.class, () -> sectors.forOidcClient("https://smartschool.be/", null, List.of()));
        assertThrows(SectorException.class, () -> sectors.forSamlClient("smart school", "https://archief.be/sp"));
    }

    @Test
    void noRedirectUriWithAHostIsRejected() {
        assertThrows(SectorException.class, () -> sectors.forOidcClient(null, null, List.of("/callback")));
    }

    @Test
    void samlDefaultsToTheHostOfTheEntityId() {
        assertEquals("archief.onderwijs.be", sectors.forSamlClient(null, "https://archief.onderwijs.be/saml/sp"));
        assertThrows(SectorException.class, () -> sectors.forSamlClient(null, "urn:archief:sp"));
        assertEquals("archief.onderwijs.be", sectors.forSamlClient("archief.onderwijs.be", "urn:archief:sp"));
    }
}
