package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @Test
    void theDocumentNamesTheVocabularyAndNothingOfKeycloaksOwn() {
        List<String> scopes = Discovery.scopes();
        for (ClaimScope scope : ClaimScope.values()) {
            assertTrue(scopes.contains(scope.oidcName()), scope.oidcName());
        }
        ClaimScope.ACCOUNT_CONSOLE_ONLY.forEach(internal -> assertFalse(scopes.contains(internal), internal));
        List<String> claims = Discovery.claims();
        for (Claim claim : Claim.values()) {
            assertTrue(claims.contains(claim.oidcName()), claim.oidcName());
        }
        assertTrue(claims.containsAll(List.of("sub", "auth_time", Claim.FORMER_SUBJECT_CLAIM)));
        assertFalse(claims.contains("preferred_username") || claims.contains("email") || claims.contains("name"));
        assertEquals(claims.size(), new HashSet<>(claims).size(), "no claim twice");
        assertEquals(List.of("code"), Discovery.RESPONSE_TYPES);
        assertEquals(List.of("S256"), Discovery.CODE_CHALLENGE_METHODS);
    }
}
