package be.leerid.transparency.services;

import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.UUID;

import be.leerid.identifiers.ClientAttributes;
import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.ReleaseRecord;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.transparency.models.SignalOutbox;
import be.leerid.transparency.signals.SecurityEventTokens;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * Queues, in the transaction of the change, one signed Security Event Token for every service that knows the
 * person (its release record) and registered a push receiver, each under the pseudonym that service knows.
 */
final class SignalQueuing {

    private static final Logger LOG = Logger.getLogger(SignalQueuing.class);

    private SignalQueuing() {
    }

    /** @param successor for {@link PersonSignal#IDENTIFIER_CHANGED}, the account whose pseudonym replaces the user's */
    static void queue(KeycloakSession session, RealmModel realm, UserModel user, PersonSignal signal, UserModel successor) {
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        var services = leerid.releases(user).stream().map(ReleaseRecord::service).map(realm::getClientById)
                .filter(client -> client != null && receiver(client) != null).toList();
        if (services.isEmpty()) {
            return;
        }
        String issuer = issuer(session, realm);
        if (issuer == null) {
            LOG.warnf("LeerID Shared Signals: %s for %d services of realm %s not queued: no request to act for",
                    signal, services.size(), realm.getName());
            return;
        }
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256);
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        SignalOutbox outbox = new SignalOutbox(session);
        for (ClientModel client : services) {
            String pseudonym;
            String newValue;
            try {
                pseudonym = leerid.knownPseudonym(client, user);
                newValue = successor == null ? null : leerid.knownPseudonym(client, successor);
            } catch (SubjectUnavailableException e) {
                continue;
            }
            String token = SecurityEventTokens.sign(SecurityEventTokens.claims(issuer, client.getClientId(), pseudonym, signal, newValue,
                    now, UUID.randomUUID().toString()), (RSAPrivateKey) key.getPrivateKey(), key.getKid());
            outbox.queue(realm.getId(), client.getId(), receiver(client), token, now.toEpochMilli());
        }
    }

    static String receiver(ClientModel client) {
        String receiver = client.getAttribute(ClientAttributes.SSF_RECEIVER);
        return receiver == null || receiver.isBlank() ? null : receiver;
    }

    /** The realm's issuer as the request (or the request a background job acts for) names it. */
    static String issuer(KeycloakSession session, RealmModel realm) {
        try {
            return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        } catch (RuntimeException noRequest) {
            return null;
        }
    }
}
