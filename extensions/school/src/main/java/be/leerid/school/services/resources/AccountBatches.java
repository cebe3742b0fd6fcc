package be.leerid.school.services.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.services.BackgroundRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Changes to many of a school's accounts (a whole school's letters or badges) in short transactions of
 * {@value #SIZE} accounts each. One Hibernate session that touches thousands of accounts checks every one of them
 * again at each flush, and issuing a code flushes several times: letters for a school of 2,500 took 80 s, and 170 s
 * when earlier codes had to be voided. Each batch runs in a session of its own that acts for this request
 * ({@link BackgroundRequest}). A failed batch leaves the batches before it done; the next print replaces their
 * codes or badges as any print does.
 */
final class AccountBatches {

    static final int SIZE = 100;

    interface Change<T> {
        T apply(KeycloakSession session, RealmModel realm, UserModel user);
    }

    private AccountBatches() {
    }

    /** @return by account id, in the given order: what the change gave for each account that still exists */
    static <T> Map<String, T> apply(KeycloakSession session, List<String> userIds, Change<T> change) {
        BackgroundRequest request = BackgroundRequest.of(session);
        String realmId = session.getContext().getRealm().getId();
        Map<String, T> results = new LinkedHashMap<>();
        for (int from = 0; from < userIds.size(); from += SIZE) {
            List<String> batch = userIds.subList(from, Math.min(userIds.size(), from + SIZE));
            results.putAll(KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), job -> {
                request.attach(job);
                RealmModel realm = job.realms().getRealm(realmId);
                job.getContext().setRealm(realm);
                Map<String, T> done = new LinkedHashMap<>();
                for (String id : batch) {
                    UserModel user = job.users().getUserById(realm, id);
                    if (user != null) {
                        done.put(id, change.apply(job, realm, user));
                    }
                }
                return done;
            }));
        }
        return results;
    }
}
