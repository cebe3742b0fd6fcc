package be.leerid.identifiers.protocol;

import be.leerid.identifiers.SubjectUnavailableException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * At startup, after realm import and migration, names every realm whose LeerID services cannot
 * get pseudonyms because its vault has no usable key. Their logins are refused until it is fixed;
 * this makes the cause visible before the first learner runs into it.
 */
public final class PseudonymKeyStartupCheck {

    private static final Logger LOG = Logger.getLogger(PseudonymKeyStartupCheck.class);

    private PseudonymKeyStartupCheck() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, PseudonymKeyStartupCheck::checkAllRealms);
            }
        });
    }

    private static void checkAllRealms(KeycloakSession session) {
        session.realms().getRealmsStream()
                .filter(realm -> realm.getClientsStream().anyMatch(LeerIdSubjects::isLeerIdClient))
                .forEach(realm -> check(session, realm));
    }

    private static void check(KeycloakSession session, RealmModel realm) {
        session.getContext().setRealm(realm);
        try {
            PseudonymKeys.deriver(session, realm);
        } catch (SubjectUnavailableException e) {
            LOG.errorf("LeerID configuration error: %s. Logins to this realm's LeerID services are refused until it is fixed.",
                    e.getMessage());
        }
    }
}
