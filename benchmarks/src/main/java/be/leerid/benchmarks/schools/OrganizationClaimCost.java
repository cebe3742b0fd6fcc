package be.leerid.benchmarks.schools;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Keycloak's {@code organization} claim adds to a token: refreshes at KlasCement with and without the
 * {@code organization} scope, alternated, for a learner of the big school (LeerID's own claims come from attributes).
 */
final class OrganizationClaimCost {

    private static final String KLASCEMENT_REDIRECT = "https://www.klascement.net/leerid/callback";
    private final AdminApi admin;
    private final Connection db;
    private final String server;

    OrganizationClaimCost(AdminApi admin, Connection db, String server) {
        this.admin = admin;
        this.db = db;
        this.server = server;
    }

    void measure() throws Exception {
        JsonNode scope = null;
        for (JsonNode candidate : admin.get("/admin/realms/leerid/client-scopes")) {
            if (candidate.path("name").asText().equals("organization")) {
                scope = candidate;
            }
        }
        if (scope == null) {
            admin.send("POST", "/admin/realms/leerid/client-scopes", """
                    {"name": "organization", "protocol": "openid-connect", "attributes": {"include.in.token.scope": "true"},
                     "protocolMappers": [{"name": "organization", "protocol": "openid-connect", "protocolMapper": "oidc-organization-membership-mapper",
                       "config": {"claim.name": "organization", "id.token.claim": "true", "access.token.claim": "true", "introspection.token.claim": "true"}}]}
                    """);
            for (JsonNode candidate : admin.get("/admin/realms/leerid/client-scopes")) {
                if (candidate.path("name").asText().equals("organization")) {
                    scope = candidate;
                }
            }
        }
        String client = admin.get("/admin/realms/leerid/clients?clientId=klascement").path(0).path("id").asText();
        admin.send("PUT", "/admin/realms/leerid/clients/" + client + "/optional-client-scopes/" + scope.path("id").asText(), null);
        String learnerId = SchoolsBenchmark.single(db, "SELECT a.user_id FROM user_attribute a WHERE a.name = 'school' AND a.value = '"
                + SchoolsBenchmark.BIG_SCHOOL + "' ORDER BY a.user_id LIMIT 1");
        String username = admin.get("/admin/realms/leerid/users/" + learnerId).path("username").asText();
        admin.send("PUT", "/admin/realms/leerid/users/" + learnerId + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Bench-organisatie-1\", \"temporary\": false}");
        String secret = admin.get("/admin/realms/leerid/clients/" + client + "/client-secret").path("value").asText();
        CodeFlow klascement = new CodeFlow(server, "klascement", secret, KLASCEMENT_REDIRECT);
        String plain = klascement.login("openid", username, "Bench-organisatie-1").path("refresh_token").asText();
        JsonNode first = klascement.login("openid organization", username, "Bench-organisatie-1");
        String payload = new String(Base64.getUrlDecoder().decode(first.path("access_token").asText().split("\\.")[1]), StandardCharsets.UTF_8);
        if (!payload.contains("\"organization\"")) {
            throw new IllegalStateException("the organization scope put no organization claim in the token: " + payload);
        }
        String withOrganization = first.path("refresh_token").asText();
        Latencies without = new Latencies();
        Latencies with = new Latencies();
        for (int i = 0; i < 330; i++) {
            long t = System.nanoTime();
            plain = klascement.refresh(plain).path("refresh_token").asText();
            if (i >= 30) {
                without.add(t);
            }
            t = System.nanoTime();
            withOrganization = klascement.refresh(withOrganization).path("refresh_token").asText();
            if (i >= 30) {
                with.add(t);
            }
        }
        System.out.printf("  Token refresh (KlasCement, LeerID's claims from attributes):        %s%n", without.summary());
        System.out.printf("  Token refresh, plus Keycloak's organization claim (membership read): %s; ratio of means %.3f%n",
                with.summary(), with.mean() / without.mean());
    }
}
