package be.leerid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm both servers import: LeerID's shipped realm (realm-config/leerid-realm.json) with the demo
 * services' clients, a back-end client and synthetic teachers. For vanilla Keycloak the same realm without
 * anything LeerID provides: no LeerID mappers (so Keycloak's own {@code sub}), Keycloak's default flows
 * instead of LeerID's, no LeerID required action, registration policy or theme. Clients, users, roles,
 * token lifetimes and the password policy stay the same.
 */
final class BenchRealm {

    static final String BACKEND_CLIENT = "bench-backend";
    static final String BACKEND_SECRET = "bench-only-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchRealm() {
    }

    static String username(int i) {
        return "bench.teacher." + i;
    }

    static String password(int i) {
        return "Bench-teacher-" + i;
    }

    /** Writes leerid-realm.json and leerid-users-0.json for a variant into dir (Keycloak's data/import). */
    static void write(Path root, boolean leerid, int accounts, Path dir) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(root.resolve("realm-config/leerid-realm.json").toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (JsonNode demo : JSON.readTree(root.resolve("realm-config/dev/leerid-demo-clients.json").toFile()).get("clients")) {
            clients.add(demo);
        }
        clients.add(JSON.valueToTree(Map.of(
                "clientId", BACKEND_CLIENT, "enabled", true, "publicClient", false, "secret", BACKEND_SECRET,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true, "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of(), "optionalClientScopes", List.of())));
        if (!leerid) {
            withoutLeerId(realm);
        }
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("leerid-realm.json").toFile(), realm);
        ArrayNode users = JSON.createArrayNode();
        for (int i = 0; i < accounts; i++) {
            users.add(JSON.valueToTree(Map.of(
                    "username", username(i), "enabled", true, "firstName", "Bench", "lastName", "Teacher " + i,
                    "attributes", Map.of("leerid", List.of(String.valueOf(40_000_000 + i)),
                            "affiliation", List.of("faculty", "employee", "member"), "school", List.of("012345"),
                            "entitlement", List.of("urn:mace:leerid.be:entitlement:archief"),
                            "staff_id", List.of("B" + (100_000 + i))),
                    "credentials", List.of(Map.of("type", "password", "value", password(i), "temporary", false)),
                    "realmRoles", List.of("default-roles-leerid"))));
        }
        JSON.writeValue(dir.resolve("leerid-users-0.json").toFile(), Map.of("realm", "leerid", "users", users));
    }

    private static void withoutLeerId(ObjectNode realm) {
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
        for (String key : new String[] {"protocolMapper", "identityProviderMapper", "providerId"}) {
            String value = element.path(key).asText("");
            if (value.startsWith("leerid") || value.startsWith("oidc-leerid") || value.startsWith("saml-leerid")) {
                return true;
            }
        }
        return false;
    }
}
