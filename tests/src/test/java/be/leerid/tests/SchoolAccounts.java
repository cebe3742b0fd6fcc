package be.leerid.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.NationalRegisterNumber;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Accounts for the school console tests, made through the admin API as the register sync makes them:
 * learners without a password (waiting for a letter), staff with roles at schools. Removed by {@link #close}.
 */
final class SchoolAccounts implements AutoCloseable {

    static final String SINT_JOZEF = "012345";
    static final String ATHENEUM = "067890";

    private final ManagedRealm realm;
    private final List<String> created = new ArrayList<>();

    SchoolAccounts(ManagedRealm realm) {
        this.realm = realm;
    }

    /** A learner as the register creates one: no password yet. */
    String learner(String username, String leerid, String school, String schoolClass, String grade) {
        Map<String, List<String>> attributes = new HashMap<>(Map.of("leerid", List.of(leerid), "affiliation", List.of("student", "member"),
                "school", List.of(school), "class", List.of(schoolClass), "grade", List.of(grade),
                "enrolment", List.of(school + ":" + grade + ":" + schoolClass)));
        return create(username, "Leerling", attributes);
    }

    /** A staff member known by the hash of their national register number (their eID card), with roles like {@code ict-coordinator@012345}. */
    String staff(String username, String leerid, String nationalRegisterNumber, String... roles) {
        List<String> schools = new ArrayList<>();
        for (String role : roles) {
            String school = role.substring(role.indexOf('@') + 1);
            if (!schools.contains(school)) {
                schools.add(school);
            }
        }
        Map<String, List<String>> attributes = new HashMap<>(Map.of("leerid", List.of(leerid), "staff_id", List.of("E" + leerid),
                "affiliation", List.of("faculty", "staff", "employee", "member"), "school", schools,
                "school_role", List.of(roles),
                "nrn_hash", List.of(NationalRegisterNumber.hash(LeerIdTestBase.DEV_DERIVER, nationalRegisterNumber))));
        return create(username, "Personeel", attributes);
    }

    /** The password the learner chose after activation. */
    void password(String id, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(id).resetPassword(credential);
    }

    UserRepresentation read(String id) {
        return realm.admin().users().get(id).toRepresentation();
    }

    /** Changes attributes as the next register sync would. */
    void update(String id, Map<String, List<String>> attributes) {
        UserRepresentation user = read(id);
        Map<String, List<String>> merged = new HashMap<>(user.getAttributes());
        merged.putAll(attributes);
        user.setAttributes(merged);
        realm.admin().users().get(id).update(user);
    }

    private String create(String username, String familyName, Map<String, List<String>> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName(Character.toUpperCase(username.charAt(0)) + username.substring(1, username.indexOf('.')));
        user.setLastName(familyName);
        user.setAttributes(attributes);
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            created.add(id);
            return id;
        }
    }

    /** Moves the server's clock (Keycloak's test time-offset endpoint); 0 puts it back. */
    static void moveServerClock(String serverUrl, int seconds) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serverUrl + "/realms/master/testing-timeoffset"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\": " + seconds + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("the server's clock did not move: " + response.statusCode() + " " + response.body());
        }
    }

    @Override
    public void close() {
        for (String id : created) {
            try {
                realm.admin().users().get(id).remove();
            } catch (jakarta.ws.rs.NotFoundException gone) {
                // the test removed it itself
            }
        }
    }
}
