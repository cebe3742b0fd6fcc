package be.leerid.identifiers.models;

import be.leerid.identifiers.PersonSignal;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published by {@link LeerIdProvider#signal} in the session and transaction of the change, so that whatever tells
 * services about it (the transparency module's Shared Signals transmitter) queues its messages atomically with it.
 *
 * @param successor for {@link PersonSignal#IDENTIFIER_CHANGED}, the account the person's record was merged into;
 *                  null for every other signal
 */
public record PersonSignalEvent(KeycloakSession session, RealmModel realm, UserModel user, PersonSignal signal,
                                UserModel successor) implements ProviderEvent {
}
