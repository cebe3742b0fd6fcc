package be.leerid.school.services.resources;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import be.leerid.identifiers.Affiliation;
import be.leerid.identifiers.LevelOfAssurance;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.identifiers.services.PageLogin;
import be.leerid.school.ConsoleAccess;
import be.leerid.school.ConsoleRight;
import be.leerid.school.HelpdeskGrant;
import org.keycloak.authentication.authenticators.util.LoAUtil;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who is calling the console, established afresh on every request: the LeerID login session (its
 * cookie), logged in at eID level for the console, and what the registers say about the person today.
 */
final class ConsoleCaller {

    /** The console's own client: its login asks for the eID level. */
    static final String CLIENT_ID = "leerid-school-console";
    private static final String CSRF_PURPOSE = "urn:be:leerid:school-console:form";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final UserSessionModel userSession;

    private ConsoleCaller(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel userSession) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.userSession = userSession;
    }

    /** The caller if logged in at eID level for the console; empty means: send them to log in (or step up). */
    static Optional<ConsoleCaller> of(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        ClientModel console = realm.getClientByClientId(CLIENT_ID);
        if (auth == null || console == null) {
            return Optional.empty();
        }
        AuthenticatedClientSessionModel clientSession = auth.session().getAuthenticatedClientSessionByClient(console.getId());
        if (clientSession == null || LoAUtil.getCurrentLevelOfAuthentication(clientSession) < LevelOfAssurance.EID.level()) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleCaller(session, realm, auth.user(), auth.session()));
    }

    /** Where to log in at eID level (a password session is stepped up there), coming back to {@code back}. */
    static URI login(KeycloakSession session, URI back) {
        return PageLogin.loginUri(session, CLIENT_ID, back, LevelOfAssurance.EID.acr());
    }

    UserModel user() {
        return user;
    }

    /** What the caller may do for the school today, if anything. */
    Optional<ConsoleRight> rightAt(String school) {
        return rightOf(user, school);
    }

    Optional<ConsoleRight> rightOf(UserModel person, String school) {
        LeerIdProvider people = session.getProvider(LeerIdProvider.class);
        List<HelpdeskGrant> grants = person.getAttributeStream(UserAttributes.SCHOOL_HELPDESK)
                .flatMap(v -> HelpdeskGrant.parse(v).stream()).toList();
        return ConsoleAccess.at(school, person.isEnabled(), isStaffAt(person, school), people.rolesAt(person, school), grants,
                grantor -> {
                    UserModel granting = session.users().getUserById(realm, grantor);
                    return granting != null && granting.isEnabled() && isStaffAt(granting, school)
                            && people.rolesAt(granting, school).stream().anyMatch(ConsoleAccess.MANAGING_ROLES::contains);
                });
    }

    /** The schools the caller may use the console for. */
    List<String> schools() {
        return session.getProvider(LeerIdProvider.class).schools(user).stream()
                .filter(school -> rightAt(school).isPresent()).toList();
    }

    boolean isStaffAt(UserModel person, String school) {
        LeerIdProvider people = session.getProvider(LeerIdProvider.class);
        return Affiliation.isStaff(people.person(person).affiliations()) && people.schools(person).contains(school);
    }

    /** The token every console form carries: bound to this login session. */
    String formToken() {
        return PageLogin.formToken(session, CSRF_PURPOSE, userSession);
    }

    boolean acceptsFormToken(String token) {
        return PageLogin.acceptsFormToken(session, CSRF_PURPOSE, userSession, token);
    }
}
