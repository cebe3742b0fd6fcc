package be.leerid.school.services.resources;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Every console action as a Keycloak admin event: who (the caller's account id), for which school, what,
 * and on which account. Never a code, a password or a name.
 */
final class ConsoleEvents {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel caller;

    ConsoleEvents(KeycloakSession session, RealmModel realm, UserModel caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    /** A choice about a service (its client id in the path), for one school. */
    void recordService(String school, String action, String clientUuid) {
        event(school, action).resource(ResourceType.CLIENT).resourcePath("clients", clientUuid, "school-console", action).success();
    }

    /** A change to the school's own settings. */
    void recordSchool(String school, String action) {
        event(school, action).resource(ResourceType.REALM).resourcePath("schools", school, "school-console", action).success();
    }

    void record(String school, String action, String targetUserId) {
        event(school, action).resource(ResourceType.USER).resourcePath("users", targetUserId, "school-console", action).success();
    }

    private AdminEventBuilder event(String school, String action) {
        AdminAuth auth = new AdminAuth(realm, null, caller, realm.getClientByClientId(ConsoleCaller.CLIENT_ID));
        return new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .operation(OperationType.ACTION)
                .detail("school", school)
                .detail("action", action);
    }
}
