package be.leerid.registration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * RFC 7591 client metadata as a provider sent it, read strictly: at most {@value #MAX_BYTES} bytes, a JSON
 * object, known fields of the right type only. Nothing here is trusted yet; {@link RegistrationPolicy} decides.
 */
public record RegistrationRequest(List<String> redirectUris, List<String> grantTypes, List<String> responseTypes,
                                  String tokenEndpointAuthMethod, String tokenEndpointAuthSigningAlg, String jwks,
                                  String scope, String clientName, String clientUri, String logoUri, List<String> contacts,
                                  String policyUri, String tosUri, String softwareStatement, String softwareId,
                                  String subjectType, String clientId) {

    public static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Metadata LeerID would have to fetch from the provider's servers: it never does. */
    private static final Map<String, String> NEVER_FETCHED = Map.of(
            "jwks_uri", "LeerID does not fetch keys: give the client's public keys inline in jwks",
            "sector_identifier_uri", "LeerID does not fetch sector documents: the sector comes from the software statement",
            "request_uris", "LeerID does not fetch request objects: request_uris are not supported");

    private static final Set<String> KNOWN = Set.of("redirect_uris", "grant_types", "response_types",
            "token_endpoint_auth_method", "token_endpoint_auth_signing_alg", "jwks", "scope", "client_name", "client_uri",
            "logo_uri", "contacts", "policy_uri", "tos_uri", "software_statement", "software_id", "software_version",
            "subject_type", "id_token_signed_response_alg", "client_id");

    public static RegistrationRequest parse(byte[] body) throws RegistrationException {
        if (body == null || body.length == 0) {
            throw RegistrationException.metadata("the request has no client metadata (a JSON object)");
        }
        if (body.length > MAX_BYTES) {
            throw RegistrationException.metadata("client metadata is larger than 64 KB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RegistrationException.metadata("client metadata is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw RegistrationException.metadata("client metadata is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw RegistrationException.metadata("client metadata must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (NEVER_FETCHED.containsKey(name)) {
                throw RegistrationException.metadata(name + ": " + NEVER_FETCHED.get(name));
            }
            if (name.equalsIgnoreCase("protocolMappers") || name.equalsIgnoreCase("protocol_mappers")) {
                throw RegistrationException.metadata(name + ": protocol mappers cannot be set through registration; "
                        + "what a service receives follows its software statement");
            }
            if (!KNOWN.contains(name)) {
                throw RegistrationException.metadata("unknown field \"" + name + "\": only RFC 7591 client metadata is "
                        + "accepted, Keycloak's own client settings cannot be set through registration");
            }
        }
        JsonNode jwks = root.get("jwks");
        if (jwks != null && !jwks.isObject()) {
            throw RegistrationException.metadata("jwks must be a JSON Web Key Set object");
        }
        return new RegistrationRequest(strings(root, "redirect_uris"), strings(root, "grant_types"),
                strings(root, "response_types"), string(root, "token_endpoint_auth_method"),
                string(root, "token_endpoint_auth_signing_alg"), jwks == null ? null : jwks.toString(), string(root, "scope"),
                string(root, "client_name"), string(root, "client_uri"), string(root, "logo_uri"), strings(root, "contacts"),
                string(root, "policy_uri"), string(root, "tos_uri"), string(root, "software_statement"),
                string(root, "software_id"), string(root, "subject_type"), string(root, "client_id"));
    }

    private static String string(JsonNode root, String name) throws RegistrationException {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RegistrationException.metadata(name + " must be a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode root, String name) throws RegistrationException {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw RegistrationException.metadata(name + " must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw RegistrationException.metadata(name + " must be an array of strings");
            }
            result.add(item.asText());
        }
        return List.copyOf(result);
    }
}
