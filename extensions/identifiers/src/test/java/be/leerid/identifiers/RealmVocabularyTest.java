package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import be.leerid.identifiers.protocol.MapperConfig;
import be.leerid.identifiers.protocol.oidc.mappers.LeerIdClaimMapper;
import be.leerid.identifiers.protocol.oidc.mappers.LeerIdPseudonymMapper;
import be.leerid.identifiers.protocol.oidc.mappers.LeerIdSessionIdMapper;
import be.leerid.identifiers.protocol.saml.mappers.LeerIdAttributeMapper;
import be.leerid.identifiers.protocol.saml.mappers.LeerIdPairwiseIdMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm as shipped ({@code realm-config/leerid-realm.json}) against the vocabulary: every claim has its
 * OIDC and SAML scope, no scope releases a claim the vocabulary does not define, every register attribute
 * is declared admin-only in the user profile, and the levels of assurance and roles are the code's.
 * Each failure says what to add where (docs/vocabulary.md).
 */
class RealmVocabularyTest {

    private static JsonNode realm;
    private static final Map<String, JsonNode> SCOPES = new HashMap<>();

    @BeforeAll
    static void loadRealm() throws IOException {
        Path file = Path.of(System.getProperty("leerid.root", "../.."), "realm-config", "leerid-realm.json");
        realm = new ObjectMapper().readTree(Files.readString(file));
        realm.path("clientScopes").forEach(scope -> SCOPES.put(scope.path("name").asText(), scope));
    }

    @Test
    void everyClaimHasItsOidcAndSamlScope() {
        List<String> missing = new ArrayList<>();
        for (Claim claim : Claim.values()) {
            if (!releases(claim.scope().oidcName(), "openid-connect", LeerIdClaimMapper.PROVIDER_ID, claim)) {
                missing.add("OIDC scope \"" + claim.scope().oidcName() + "\" with a " + LeerIdClaimMapper.PROVIDER_ID
                        + " for " + claim.oidcName());
            }
            if (!releases(claim.scope().samlName(), "saml", LeerIdAttributeMapper.PROVIDER_ID, claim)) {
                missing.add("SAML scope \"" + claim.scope().samlName() + "\" with a " + LeerIdAttributeMapper.PROVIDER_ID
                        + " for " + claim.oidcName());
            }
        }
        assertEquals(List.of(), missing, "realm-config/leerid-realm.json lacks");
    }

    @Test
    void thePseudonymScopesHoldThePseudonymMappers() {
        assertTrue(mappers(ClaimScope.PSEUDONYM.oidcName()).contains(LeerIdPseudonymMapper.PROVIDER_ID));
        assertTrue(mappers(ClaimScope.PSEUDONYM.samlName()).contains(LeerIdPairwiseIdMapper.PROVIDER_ID));
    }

    @Test
    void noScopeOrClientReleasesAClaimTheVocabularyDoesNotDefine() {
        List<String> problems = new ArrayList<>();
        for (JsonNode scope : realm.path("clientScopes")) {
            String name = scope.path("name").asText();
            if (ClaimScope.ACCOUNT_CONSOLE_ONLY.contains(name) || ClaimScope.ACR.equals(name)) {
                continue;
            }
            for (JsonNode mapper : scope.path("protocolMappers")) {
                problems.addAll(checkLeerIdMapper(name, mapper));
            }
        }
        for (JsonNode client : realm.path("clients")) {
            for (JsonNode mapper : client.path("protocolMappers")) {
                String type = mapper.path("protocolMapper").asText();
                if (type.contains("leerid") || mapper.path("config").has("claim.name") || mapper.path("config").has("attribute.name")) {
                    problems.add("client \"" + client.path("clientId").asText() + "\" releases through its own mapper \""
                            + mapper.path("name").asText() + "\": put claims in a LeerID scope instead");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A LeerID claim mapper in a LeerID scope of its own claim; anything else releases an undefined claim. */
    private static List<String> checkLeerIdMapper(String scopeName, JsonNode mapper) {
        String type = mapper.path("protocolMapper").asText();
        String where = "scope \"" + scopeName + "\", mapper \"" + mapper.path("name").asText() + "\"";
        // The session-id mapper releases nothing: it only keeps sid out of ID tokens, next to the subject.
        if (type.equals(LeerIdPseudonymMapper.PROVIDER_ID) || type.equals(LeerIdPairwiseIdMapper.PROVIDER_ID)
                || type.equals(LeerIdSessionIdMapper.PROVIDER_ID)) {
            return scopeName.equals(ClaimScope.PSEUDONYM.oidcName()) || scopeName.equals(ClaimScope.PSEUDONYM.samlName())
                    ? List.of() : List.of(where + ": pseudonym mappers belong in the pseudonym scopes");
        }
        if (!type.equals(LeerIdClaimMapper.PROVIDER_ID) && !type.equals(LeerIdAttributeMapper.PROVIDER_ID)) {
            return List.of(where + ": " + type + " releases a claim no Claim defines; add it to Claim and use a LeerID mapper");
        }
        String claimName = mapper.path("config").path(MapperConfig.CLAIM).asText();
        return Claim.byOidcName(claimName)
                .map(claim -> claim.scope().oidcName().equals(scopeName) || claim.scope().samlName().equals(scopeName)
                        ? List.<String>of()
                        : List.of(where + ": " + claimName + " belongs in scope " + claim.scope().oidcName() + " / "
                                + claim.scope().samlName()))
                .orElse(List.of(where + ": \"" + claimName + "\" is not a Claim"));
    }

    @Test
    void servicesNeverGetKeycloaksOwnPersonalScopes() {
        for (JsonNode client : realm.path("clients")) {
            Set<String> scopes = new HashSet<>();
            client.path("defaultClientScopes").forEach(s -> scopes.add(s.asText()));
            client.path("optionalClientScopes").forEach(s -> scopes.add(s.asText()));
            boolean service = scopes.contains(ClaimScope.PSEUDONYM.oidcName()) || scopes.contains(ClaimScope.PSEUDONYM.samlName());
            if (service) {
                scopes.retainAll(ClaimScope.ACCOUNT_CONSOLE_ONLY);
                assertEquals(Set.of(), scopes, "LeerID service \"" + client.path("clientId").asText() + "\" has Keycloak's own scopes");
            }
        }
    }

    @Test
    void everyLeerIdAttributeIsDeclaredAdminOnly() throws IOException {
        JsonNode profile = null;
        for (JsonNode component : realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")) {
            profile = new ObjectMapper().readTree(component.path("config").path("kc.user.profile.config").get(0).asText());
        }
        Map<String, JsonNode> declared = new HashMap<>();
        if (profile != null) {
            profile.path("attributes").forEach(a -> declared.put(a.path("name").asText(), a));
        }
        List<String> problems = new ArrayList<>();
        for (String name : UserAttributes.ADMIN_ONLY) {
            JsonNode attribute = declared.get(name);
            if (attribute == null) {
                problems.add(name + " is not in the user profile");
            } else if (!List.of("admin").equals(texts(attribute.path("permissions").path("edit")))
                    || !List.of("admin").equals(texts(attribute.path("permissions").path("view")))) {
                problems.add(name + " is not admin-only (permissions view and edit must be [admin])");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void levelsOfAssuranceAreTheCodes() throws IOException {
        JsonNode map = new ObjectMapper().readTree(realm.path("attributes").path(LevelOfAssurance.REALM_MAP).asText());
        Map<String, Integer> shipped = new HashMap<>();
        map.fields().forEachRemaining(e -> shipped.put(e.getKey(), e.getValue().asInt()));
        assertEquals(LevelOfAssurance.realmMap(), shipped, LevelOfAssurance.REALM_MAP);
        Set<Integer> levels = new HashSet<>(LevelOfAssurance.realmMap().values());
        Set<Integer> conditioned = new HashSet<>();
        for (JsonNode config : realm.path("authenticatorConfig")) {
            JsonNode level = config.path("config").path("loa-condition-level");
            if (!level.isMissingNode()) {
                assertTrue(levels.contains(level.asInt()), "authenticator config \"" + config.path("alias").asText()
                        + "\" uses level " + level.asText() + ", not one of " + levels);
                conditioned.add(level.asInt());
            }
        }
        // Keycloak takes how long a level lasts in a session from its condition: a level without one expires at once.
        assertEquals(levels, conditioned, "every level of assurance needs a level-of-authentication condition in the browser flow");
    }

    /**
     * Every shipped access mode is one LeerID knows, and no shipped client holds a school's activation: schools
     * choose their services in the console, never in the shipped realm.
     */
    /** A sector derived from a host name would change every pseudonym the service knows when the host is renamed. */
    @Test
    void everyShippedServiceNamesItsSector() {
        SectorResolver sectors = new SectorResolver();
        int services = 0;
        for (JsonNode client : realm.path("clients")) {
            Set<String> scopes = new HashSet<>();
            client.path("defaultClientScopes").forEach(s -> scopes.add(s.asText()));
            if (scopes.contains(ClaimScope.PSEUDONYM.oidcName()) || scopes.contains(ClaimScope.PSEUDONYM.samlName())
                    || "saml".equals(client.path("protocol").asText())) {
                services++;
                String sector = client.path("attributes").path(ClientAttributes.SECTOR).asText("");
                assertTrue(!sector.isBlank(), "service \"" + client.path("clientId").asText() + "\" has no " + ClientAttributes.SECTOR);
                assertEquals(sector, sectors.forSamlClient(sector, "urn:unused"), "a valid sector");
            }
        }
        assertEquals(3, services, "Smartschool, KlasCement and the archive");
    }

    @Test
    void servicesHaveValidAccessModesAndNoActivations() {
        Map<String, ServiceAccess> modes = new HashMap<>();
        for (JsonNode client : realm.path("clients")) {
            JsonNode attributes = client.path("attributes");
            if (attributes.has(ClientAttributes.ACCESS)) {
                modes.put(client.path("clientId").asText(), ServiceAccess.of(attributes.path(ClientAttributes.ACCESS).asText()));
            }
            attributes.fieldNames().forEachRemaining(name -> assertTrue(!name.startsWith(ClientAttributes.ACTIVATED_BY),
                    client.path("clientId").asText() + " ships an activation: " + name));
        }
        assertEquals(ServiceAccess.SCHOOL, modes.get("smartschool"));
        assertEquals(ServiceAccess.OPEN, modes.get("klascement"));
        assertEquals(ServiceAccess.STAFF, modes.get("https://onderwijs.hetarchief.be/saml/sp"));
    }

    @Test
    void realmRolesExist() {
        List<String> roles = StreamSupport.stream(realm.path("roles").path("realm").spliterator(), false)
                .map(r -> r.path("name").asText()).toList();
        assertTrue(roles.contains(RealmRoles.REGISTER_SYNC), RealmRoles.REGISTER_SYNC);
        assertTrue(roles.contains(RealmRoles.ONBOARDING_OPERATOR), RealmRoles.ONBOARDING_OPERATOR);
        assertTrue(roles.contains(RealmRoles.AUDIT), RealmRoles.AUDIT);
        assertTrue(roles.contains(RealmRoles.GDPR_EXPORT), RealmRoles.GDPR_EXPORT);
    }

    /** Login and admin events are kept as long as the release record (the GDPR working group exports both). */
    @Test
    void eventsAreKeptAsLongAsTheReleaseRecord() {
        long seconds = ReleaseRecord.RETENTION_DAYS * 24L * 60 * 60;
        assertTrue(realm.path("eventsEnabled").asBoolean(), "eventsEnabled");
        assertEquals(seconds, realm.path("eventsExpiration").asLong());
        assertTrue(realm.path("adminEventsEnabled").asBoolean(), "adminEventsEnabled");
        assertEquals(seconds, realm.path("attributes").path("adminEventsExpiration").asLong());
        // Keycloak's jboss-logging listener would write every failed login, with whatever was typed as the username
        // (a password, now and then), to the server log at WARN: the events are in the database instead.
        assertEquals(0, realm.path("eventsListeners").size(), realm.path("eventsListeners").toString());
        assertTrue(realm.path("eventsListeners").isArray(), "eventsListeners must be an empty list, not left to Keycloak's default");
    }

    private static boolean releases(String scopeName, String protocol, String mapperType, Claim claim) {
        JsonNode scope = SCOPES.get(scopeName);
        if (scope == null || !protocol.equals(scope.path("protocol").asText())) {
            return false;
        }
        for (JsonNode mapper : scope.path("protocolMappers")) {
            if (mapperType.equals(mapper.path("protocolMapper").asText())
                    && claim.oidcName().equals(mapper.path("config").path(MapperConfig.CLAIM).asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> mappers(String scopeName) {
        List<String> types = new ArrayList<>();
        JsonNode scope = SCOPES.get(scopeName);
        if (scope != null) {
            scope.path("protocolMappers").forEach(m -> types.add(m.path("protocolMapper").asText()));
        }
        return types;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
