package be.leerid.tools.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fair baseline: vanilla Keycloak giving the services the same claims the way a Keycloak administrator would,
 * with Keycloak's own mappers. Each LeerID claim mapper becomes Keycloak's user-attribute mapper (OIDC, SAML) under
 * the same claim or attribute name, in the same client scope; LeerID's pseudonym becomes Keycloak's pairwise subject
 * mapper (SHA-256, the service's sector) in a scope of each OIDC service's own; a SAML service's persistent NameID and pairwise-id come
 * from attributes, as Keycloak has no pairwise SAML mapper. The values LeerID computes at login (scoped affiliations,
 * the schools object, the SAML pseudonyms) are stored on the account, as that administrator's own sync would store
 * them. The claim names are checked against LeerID's by FairBaselineIT.
 */
public final class FairBaseline {

    public static final String PAIRWISE_SALT = "bench-fair-baseline";
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String PAIRWISE_ID = "urn:oasis:names:tc:SAML:attribute:pairwise-id";
    private static final String SCOPE = "leerid.be";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FairBaseline() {
    }

    /** Replaces LeerID's mappers in the realm (and its services' clients) by Keycloak's; the rest stays. */
    public static void useKeycloakMappers(ObjectNode realm) {
        for (JsonNode scope : realm.path("clientScopes")) {
            if (!scope.path("protocolMappers").isArray()) {
                continue;
            }
            ArrayNode replaced = JSON.createArrayNode();
            for (JsonNode mapper : scope.get("protocolMappers")) {
                replaced.addAll(keycloakMappers(mapper));
            }
            ((ObjectNode) scope).set("protocolMappers", replaced);
        }
        for (JsonNode client : realm.path("clients")) {
            String sector = client.path("attributes").path("leerid.sector").asText("");
            if (sector.isEmpty()) {
                continue;
            }
            if ("saml".equals(client.path("protocol").asText())) {
                ArrayNode mappers = client.has("protocolMappers") ? (ArrayNode) client.get("protocolMappers")
                        : ((ObjectNode) client).putArray("protocolMappers");
                mappers.add(mapper("pairwise NameID", "saml", "saml-user-attribute-nameid-mapper",
                        Map.of("mapper.nameid.format", PERSISTENT, "user.attribute", nameIdAttribute(sector))));
                mappers.add(mapper("pairwise-id", "saml", "saml-user-attribute-mapper", Map.of("user.attribute", pairwiseIdAttribute(sector),
                        "attribute.name", PAIRWISE_ID, "friendly.name", "pairwise-id", "attribute.nameformat", "URI Reference")));
            } else if (hasScope(client, "leerid-pseudonym")) {
                // In a scope of its own rather than on the client: Keycloak checks a client's sector identifier URI by
                // fetching it when the realm is imported, and no such document is served here.
                String name = "pairwise-" + client.path("clientId").asText().replaceAll("[^A-Za-z0-9-]", "-");
                ObjectNode scope = ((ArrayNode) realm.get("clientScopes")).addObject();
                scope.put("name", name);
                scope.put("protocol", "openid-connect");
                scope.set("attributes", JSON.valueToTree(Map.of("include.in.token.scope", "false", "display.on.consent.screen", "false")));
                scope.putArray("protocolMappers").add(mapper("pairwise subject", "openid-connect", "oidc-sha256-pairwise-sub-mapper",
                        Map.of("sectorIdentifierUri", "https://" + sector + "/", "pairwiseSubAlgorithmSalt", PAIRWISE_SALT)));
                ((ArrayNode) client.get("defaultClientScopes")).add(name);
            }
        }
        // The values above live on the account; the shipped user profile keeps undeclared attributes out.
        for (JsonNode components : realm.path("components")) {
            for (JsonNode component : components) {
                JsonNode config = component.path("config").path("kc.user.profile.config");
                if (config.isArray() && config.size() == 1) {
                    try {
                        ObjectNode profile = (ObjectNode) JSON.readTree(config.get(0).asText());
                        profile.put("unmanagedAttributePolicy", "ENABLED");
                        ((ArrayNode) config).set(0, profile.toString());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("the realm's user profile is not JSON", e);
                    }
                }
            }
        }
    }

    /** The register attributes plus what LeerID would compute from them at login, for the SAML services' sectors too. */
    public static Map<String, List<String>> withComputedClaims(String username, String givenName, String familyName,
                                                               Map<String, List<String>> register, List<String> samlSectors) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(register);
        PersonRecord person = PersonRecord.fromAttributes(givenName, familyName, name -> register.getOrDefault(name, List.of()));
        for (Claim claim : Claim.values()) {
            if (claim != Claim.GIVEN_NAME && claim != Claim.FAMILY_NAME) {
                List<String> values = claim.oidcValues(person, SCOPE);
                if (!values.isEmpty()) {
                    attributes.put(oidcAttribute(claim), values);
                }
                List<String> saml = claim.samlValues(person, SCOPE);
                if (!saml.isEmpty() && !saml.equals(values)) {
                    attributes.put(samlAttribute(claim), saml);
                }
            }
        }
        for (String sector : samlSectors) {
            String pseudonym = pseudonym(sector, username);
            attributes.put(nameIdAttribute(sector), List.of(pseudonym));
            attributes.put(pairwiseIdAttribute(sector), List.of(pseudonym + "@" + SCOPE));
        }
        return attributes;
    }

    private static List<JsonNode> keycloakMappers(JsonNode mapper) {
        String type = mapper.path("protocolMapper").asText();
        Claim claim = Claim.byOidcName(mapper.path("config").path("leerid.claim").asText(null)).orElse(null);
        if (type.equals("oidc-leerid-claim-mapper") && claim != null) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("user.attribute", oidcAttribute(claim));
            config.put("claim.name", claim.oidcName());
            config.put("jsonType.label", claim == Claim.SCHOOLS ? "JSON" : "String");
            config.put("multivalued", String.valueOf(claim.multivalued()));
            for (String token : new String[] {"id.token.claim", "access.token.claim", "userinfo.token.claim", "introspection.token.claim"}) {
                config.put(token, mapper.path("config").path(token).asText("false"));
            }
            return List.of(mapper(mapper.path("name").asText(), "openid-connect", "oidc-usermodel-attribute-mapper", config));
        }
        if (type.equals("saml-leerid-attribute-mapper") && claim != null) {
            // Only subject-id differs between the protocols (SAML's is scoped).
            return List.of(mapper(mapper.path("name").asText(), "saml", "saml-user-attribute-mapper", Map.of(
                    "user.attribute", claim == Claim.LEERID ? samlAttribute(claim) : oidcAttribute(claim), "attribute.name", claim.samlName(),
                    "friendly.name", claim.samlFriendlyName(), "attribute.nameformat", "URI Reference", "aggregate.attrs", "false")));
        }
        // LeerID's pseudonyms are per service: they become mappers of the services' clients (above).
        return type.startsWith("oidc-leerid") || type.startsWith("saml-leerid") ? List.of() : List.of(mapper);
    }

    private static String oidcAttribute(Claim claim) {
        return switch (claim) {
            case GIVEN_NAME -> "firstName";
            case FAMILY_NAME -> "lastName";
            default -> "claim_" + claim.oidcName();
        };
    }

    private static String samlAttribute(Claim claim) {
        return "saml_" + claim.oidcName();
    }

    private static String nameIdAttribute(String sector) {
        return "nameid_" + sector;
    }

    private static String pairwiseIdAttribute(String sector) {
        return "pairwise_id_" + sector;
    }

    /** A stable value per account and sector (the baseline stores it; how LeerID derives its own does not matter here). */
    private static String pseudonym(String sector, String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((sector + "\u0000" + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasScope(JsonNode client, String scope) {
        for (JsonNode name : client.path("defaultClientScopes")) {
            if (name.asText().equals(scope)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode mapper(String name, String protocol, String type, Map<String, String> config) {
        ObjectNode mapper = JSON.createObjectNode();
        mapper.put("name", name);
        mapper.put("protocol", protocol);
        mapper.put("protocolMapper", type);
        mapper.put("consentRequired", false);
        mapper.set("config", JSON.valueToTree(config));
        return mapper;
    }
}
