package be.leerid.identifiers.services.clientpolicy.executor;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import be.leerid.identifiers.ClientAttributes;
import be.leerid.identifiers.SectorException;
import be.leerid.identifiers.SectorResolver;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * A service's pseudonyms depend on its sector: changing {@code leerid.sector}, or the redirect host or entity ID a
 * sector is derived from, gives every person a new pseudonym there, so the service loses them all. Once the
 * service has received pseudonyms (its release record), an update that changes its sector is refused unless it says
 * {@value ClientAttributes#SECTOR_FORCE}; Keycloak's admin event of the update records the forced change.
 */
final class SectorGuardExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final Logger LOG = Logger.getLogger(SectorGuardExecutor.class);
    private static final LocalDate EVER_FROM = LocalDate.of(1970, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    private final KeycloakSession session;
    private final SectorResolver sectors = new SectorResolver();

    SectorGuardExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return SectorGuardExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.UPDATE || !(context instanceof ClientCRUDContext update)) {
            return;
        }
        ClientModel client = update.getTargetClient();
        ClientRepresentation proposed = update.getProposedClientRepresentation();
        if (client == null || proposed == null) {
            return;
        }
        // The force flag is for this one update: never stored, or a later update would be forced without saying so.
        boolean forced = proposed.getAttributes() != null && "true".equals(proposed.getAttributes().remove(ClientAttributes.SECTOR_FORCE));
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        String before;
        try {
            before = leerid.sector(client);
        } catch (SubjectUnavailableException e) {
            return; // no sector yet: the service cannot have received a pseudonym
        }
        String after = proposedSector(client, proposed);
        if (before.equals(after) || neverReleased(leerid, client)) {
            return;
        }
        if (forced) {
            LOG.warnf("LeerID: the sector of client %s changed although it received pseudonyms (forced): every pseudonym it knows changed",
                    client.getClientId());
            return;
        }
        throw new ClientPolicyException("invalid_client_metadata", "this service has received pseudonyms for sector " + before
                + "; the change would make it " + after + " and give every person a new pseudonym there. Keep the sector (set "
                + ClientAttributes.SECTOR + " to " + before + ") or repeat the update with " + ClientAttributes.SECTOR_FORCE + "=true");
    }

    private static boolean neverReleased(LeerIdProvider leerid, ClientModel client) {
        try (var releases = leerid.releases(client, EVER_FROM, EVER_TO)) {
            return releases.findAny().isEmpty();
        }
    }

    /** The sector the client would have after the update (a null field of the representation is left unchanged). */
    private String proposedSector(ClientModel client, ClientRepresentation proposed) {
        String configured = proposed.getAttributes() != null ? proposed.getAttributes().get(ClientAttributes.SECTOR)
                : client.getAttribute(ClientAttributes.SECTOR);
        try {
            if (SamlProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
                return sectors.forSamlClient(configured, Objects.requireNonNullElse(proposed.getClientId(), client.getClientId()));
            }
            List<String> redirectUris = proposed.getRedirectUris() != null ? proposed.getRedirectUris() : List.copyOf(client.getRedirectUris());
            return sectors.forOidcClient(configured, proposed.getRootUrl() != null ? proposed.getRootUrl() : client.getRootUrl(), redirectUris);
        } catch (SectorException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }
}
