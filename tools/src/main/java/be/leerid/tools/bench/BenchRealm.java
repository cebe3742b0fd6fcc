package be.leerid.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm every side of the load benchmark imports: LeerID's shipped realm (realm-config/leerid-realm.json) with
 * the demo services' clients, a back-end client and synthetic teachers (LeerID also first-grade learners with QR
 * badges). For vanilla Keycloak the same realm without anything LeerID provides: no LeerID flows, required action,
 * registration policy, client policy executor or theme, and either no LeerID mappers (so Keycloak's own {@code sub})
 * or, for the fair baseline, Keycloak's own mappers releasing the same claims ({@link FairBaseline}). Clients, users,
 * roles, token lifetimes and the password policy stay the same.
 */
public final class BenchRealm {

    public static final String BACKEND_CLIENT = "bench-backend";
    public static final String BACKEND_SECRET = "bench-only-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchRealm() {
    }

    public static String username(int i) {
        return "bench.teacher." + i;
    }

    public static String password(int i) {
        return "Bench-teacher-" + i;
    }

    /** A bench learner's QR badge as the camera reads it: an id and a secret (fixed here, for a repeatable run). */
    public static String badge(int i) {
        return badgeId(i) + String.format(Locale.ROOT, "%026d", 7_919L * i + 1_000_003L);
    }

    private static String badgeId(int i) {
        return String.format(Locale.ROOT, "%08d", 90_000_000 + i);
    }

    /**
     * Learners in first grade at 012345 (which uses badges by default and has Smartschool (demo) activated), each
     * with a badge credential as the console would print it: the keyed hash of the secret with the realm's vault
     * key, bound to the account, which is why the account's id is fixed here.
     */
    private static void addLearners(ArrayNode users, Path root, int accounts) throws IOException {
        PseudonymDeriver deriver = new PseudonymDeriver(PseudonymKey.fromBase64(
                Files.readString(root.resolve("realm-config/vault/leerid_pseudonym-key"))));
        for (int i = 0; i < accounts; i++) {
            String id = UUID.nameUUIDFromBytes(("bench.learner." + i).getBytes(StandardCharsets.UTF_8)).toString();
            String code = badge(i);
            String hash = deriver.derive("urn:be:leerid:badge", id + "\u0000" + code.substring(0, 8) + "\u0000" + code.substring(8));
            users.add(JSON.valueToTree(Map.of(
                    "id", id, "username", "bench.learner." + i, "enabled", true, "firstName", "Leerling", "lastName", "Bench " + i,
                    "attributes", Map.of("leerid", List.of(String.valueOf(30_000_000 + i)), "affiliation", List.of("student", "member"),
                            "school", List.of("012345"), "grade", List.of("1"), "class", List.of("1A"),
                            "enrolment", List.of("012345:1:1A"), "badge", List.of(badgeId(i))),
                    "credentials", List.of(Map.of("type", "leerid-badge", "userLabel", "LeerID badge", "createdDate", 0L,
                            "secretData", hash,
                            "credentialData", "{\"badge\":\"" + badgeId(i) + "\",\"school\":\"012345\"}")),
                    "realmRoles", List.of("default-roles-leerid"))));
        }
    }

    /**
     * Writes leerid-realm.json and leerid-users-0.json for a variant into dir (Keycloak's data/import): "leerid",
     * "quiet" (LeerID with the realm's login and admin events off), "vanilla" (without anything LeerID provides) or
     * "fair" (vanilla, giving the same claims with Keycloak's own mappers: {@link FairBaseline}).
     */
    public static void write(Path root, String variant, int accounts, Path dir) throws IOException {
        boolean leerid = variant.equals("leerid") || variant.equals("quiet");
        boolean quiet = variant.equals("quiet");
        boolean fair = variant.equals("fair");
        ObjectNode realm = (ObjectNode) JSON.readTree(root.resolve("realm-config/leerid-realm.json").toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (JsonNode demo : JSON.readTree(root.resolve("realm-config/dev/leerid-demo-clients.json").toFile()).get("clients")) {
            clients.add(demo);
        }
        clients.add(JSON.valueToTree(Map.of(
                "clientId", BACKEND_CLIENT, "enabled", true, "publicClient", false, "secret", BACKEND_SECRET,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true, "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of(), "optionalClientScopes", List.of())));
        if (fair) {
            FairBaseline.useKeycloakMappers(realm);
        }
        if (!leerid) {
            withoutLeerId(realm);
        }
        if (quiet) {
            realm.put("eventsEnabled", false);
            realm.put("adminEventsEnabled", false);
        }
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("leerid-realm.json").toFile(), realm);
        ArrayNode users = JSON.createArrayNode();
        List<String> samlSectors = new ArrayList<>();
        for (JsonNode client : clients) {
            if ("saml".equals(client.path("protocol").asText()) && client.path("attributes").has("leerid.sector")) {
                samlSectors.add(client.path("attributes").path("leerid.sector").asText());
            }
        }
        for (int i = 0; i < accounts; i++) {
            Map<String, List<String>> attributes = teacher(i);
            users.add(JSON.valueToTree(Map.of(
                    "username", username(i), "enabled", true, "firstName", "Bench", "lastName", "Teacher " + i,
                    "attributes", fair ? FairBaseline.withComputedClaims(username(i), "Bench", "Teacher " + i, attributes, samlSectors) : attributes,
                    "credentials", List.of(Map.of("type", "password", "value", password(i), "temporary", false)),
                    "realmRoles", List.of("default-roles-leerid"))));
        }
        if (leerid) {
            addLearners(users, root, accounts);
        }
        JSON.writeValue(dir.resolve("leerid-users-0.json").toFile(), Map.of("realm", "leerid", "users", users));
    }

    /** A bench teacher's register attributes. */
    public static Map<String, List<String>> teacher(int i) {
        return Map.of("leerid", List.of(String.valueOf(40_000_000 + i)),
                "affiliation", List.of("faculty", "employee", "member"), "school", List.of("012345"),
                "entitlement", List.of("urn:mace:leerid.be:entitlement:archief"),
                "staff_id", List.of("B" + (100_000 + i)));
    }

    private static void withoutLeerId(ObjectNode realm) {
        // As before LeerID stored events: vanilla does less than LeerID, never more, so comparisons with earlier
        // runs hold and none flatters LeerID (whose event store writes login events in batches).
        realm.put("eventsEnabled", false);
        realm.put("adminEventsEnabled", false);
        realm.remove("loginTheme");
        realm.remove("authenticationFlows");
        realm.remove("authenticatorConfig");
        realm.put("browserFlow", "browser");
        for (JsonNode provider : realm.path("identityProviders")) {
            ((ObjectNode) provider).put("firstBrokerLoginFlowAlias", "first broker login");
            ((ObjectNode) provider).remove("postBrokerLoginFlowAlias");
        }
        dropLeerIdProviders(realm);
    }

    /** Removes, anywhere in the realm, every element that names a LeerID provider. */
    private static void dropLeerIdProviders(JsonNode node) {
        if (node.isArray()) {
            Iterator<JsonNode> elements = node.elements();
            while (elements.hasNext()) {
                JsonNode element = elements.next();
                if (isLeerIdProvider(element)) {
                    elements.remove();
                } else {
                    dropLeerIdProviders(element);
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isObject() && field.getValue().has("providerId")
                        && field.getValue().get("providerId").asText().startsWith("leerid")) {
                    fields.remove();
                } else {
                    dropLeerIdProviders(field.getValue());
                }
            }
        }
    }

    private static boolean isLeerIdProvider(JsonNode element) {
        // "executor": a client profile's executors (LeerID's sector guard) are providers a vanilla server lacks.
        for (String key : new String[] {"protocolMapper", "identityProviderMapper", "providerId", "executor"}) {
            String value = element.path(key).asText("");
            if (value.startsWith("leerid") || value.startsWith("oidc-leerid") || value.startsWith("saml-leerid")) {
                return true;
            }
        }
        return false;
    }
}
