package be.leerid.school.services.resources;

import java.util.Optional;

import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.SchoolPlace;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.AccountStatus;
import be.leerid.school.ConsoleRight;
import be.leerid.school.badges.BadgeSettings;
import be.leerid.school.models.AccountState;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

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
        return session.getProvider(LeerIdProvider.class).person(user).isLearner();
    }

    PersonRow row(ConsoleCaller caller, UserModel user, String school) {
        PersonRecord person = session.getProvider(LeerIdProvider.class).person(user);
        boolean learner = person.isLearner();
        // A learner at two schools: this school's grade and class, never the other's.
        Optional<SchoolPlace> place = person.places().stream().filter(p -> p.school().equals(school)).findFirst();
        AccountStatus status = AccountStatus.of(user.isEnabled(), !learner || AccountState.hasPassword(user),
                AccountState.locked(session, realm, user));
        boolean helpdesk = !learner && caller.rightOf(user, school).filter(r -> r == ConsoleRight.HELPDESK).isPresent();
        return new PersonRow(user.getId(), user.getFirstName(), user.getLastName(), user.getUsername(),
                place.map(SchoolPlace::schoolClass).orElse(null), place.map(SchoolPlace::grade).orElse(null), learner,
                status.messageKey(), user.getFirstAttribute(UserAttributes.LEFT_ON), status == AccountStatus.LOCKED,
                helpdesk, !learner && !user.getId().equals(caller.user().getId()) && user.isEnabled(),
                learner && new BadgeSettings(realm, school).grades().uses(place.map(SchoolPlace::grade).orElse(null)),
                learner && user.getFirstAttribute(UserAttributes.BADGE) != null, user.getFirstAttribute(UserAttributes.LAST_LOGIN));
    }
}
