package be.leerid.school.services.resources;

import java.util.List;
import java.util.Optional;

import be.leerid.identifiers.Affiliation;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.AccountStatus;
import be.leerid.school.ConsoleRight;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/** A school's people as the console sees and changes them. */
final class SchoolPeople {

    private final KeycloakSession session;
    private final RealmModel realm;

    SchoolPeople(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The account, if it is a learner the register lists at the school (leavers included). */
    Optional<UserModel> learnerOf(String school, String id) {
        UserModel user = id == null ? null : session.users().getUserById(realm, id);
        if (user == null || !isLearner(user) || !session.getProvider(LeerIdProvider.class).schools(user).contains(school)) {
            return Optional.empty();
        }
        return Optional.of(user);
    }

    boolean isLearner(UserModel user) {
        List<String> affiliations = session.getProvider(LeerIdProvider.class).person(user).affiliations();
        return affiliations.contains(Affiliation.STUDENT) && !Affiliation.isStaff(affiliations);
    }

    static boolean hasPassword(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findAny().isPresent();
    }

    /** Every session and token of the account ends now, wherever it is (as for a leaver). */
    void endSessions(UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user).toList();
        online.forEach(s -> session.sessions().removeUserSession(realm, s));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
    }

    PersonRow row(ConsoleCaller caller, UserModel user, String school) {
        boolean learner = isLearner(user);
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        boolean locked = protector.isTemporarilyDisabled(session, realm, user) || protector.isPermanentlyLockedOut(session, realm, user);
        AccountStatus status = AccountStatus.of(user.isEnabled(), !learner || hasPassword(user), locked);
        boolean helpdesk = !learner && caller.rightOf(user, school).filter(r -> r == ConsoleRight.HELPDESK).isPresent();
        return new PersonRow(user.getId(), user.getFirstName(), user.getLastName(), user.getUsername(),
                user.getFirstAttribute(UserAttributes.CLASS), user.getFirstAttribute(UserAttributes.GRADE), learner,
                status.messageKey(), user.getFirstAttribute(UserAttributes.LEFT_ON), status == AccountStatus.LOCKED,
                helpdesk, !learner && !user.getId().equals(caller.user().getId()) && user.isEnabled());
    }
}
