package be.leerid.identifiers.models;

import java.util.List;

import be.leerid.identifiers.SectorResolver;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.logging.ClientMistakeLogLevel;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

/**
 * The LeerID provider over the register's user attributes. Owns what outlives a request: the key read
 * from the vault and the valid sectors. At startup, after realm import and migration, names every realm
 * whose LeerID services cannot get pseudonyms because its vault has no usable key: their logins are
 * refused until it is fixed, and this makes the cause visible before the first learner runs into it.
 */
public final class AttributeLeerIdProviderFactory implements LeerIdProviderFactory {

    public static final String PROVIDER_ID = "leerid-user-attributes";
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;
    private static final Logger LOG = Logger.getLogger(AttributeLeerIdProviderFactory.class);

    /** Whether LeerID keeps the release record; {@code --spi-leerid--leerid-user-attributes--release-record}. */
    static final String RELEASE_RECORD_OPTION = "release-record";

    private final PseudonymKeyCache keys = new PseudonymKeyCache();
    private final SectorResolver sectors = new SectorResolver();
    private boolean releaseRecord = true;

    @Override
    public LeerIdProvider create(KeycloakSession session) {
        return new AttributeLeerIdProvider(session, keys, sectors, releaseRecord);
    }

    @Override
    public void init(Config.Scope config) {
        releaseRecord = config.getBoolean(RELEASE_RECORD_OPTION, true);
        if (!releaseRecord) {
            LOG.warn("LeerID keeps no release record (release-record=false): Mijn LeerID, the GDPR export and Shared Signals miss what happens now");
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(RELEASE_RECORD_OPTION).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Keep the release record (what each service received about each person), which Mijn LeerID, the GDPR "
                        + "export and Shared Signals read. Leave it on; off only to measure what it costs.")
                .defaultValue(true).add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ClientMistakeLogLevel.install();
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, AttributeLeerIdProviderFactory::checkKeys);
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                // A deleted account's release record goes with it, in the same transaction.
                new ReleaseStore(removed.getKeycloakSession()).removePerson(removed.getUser().getId());
            } else if (event instanceof ClientModel.ClientRemovedEvent removed) {
                new ReleaseStore(removed.getKeycloakSession()).removeService(removed.getClient().getId());
            }
        });
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).scheduleTask(new ReleaseRetention(), DAY_MILLIS, ReleaseRetention.TASK_NAME);
        }
    }

    private static void checkKeys(KeycloakSession session) {
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        session.realms().getRealmsStream()
                .filter(realm -> realm.getClientsStream().anyMatch(leerid::isLeerIdService))
                .forEach(realm -> checkKey(session, leerid, realm));
    }

    private static void checkKey(KeycloakSession session, LeerIdProvider leerid, RealmModel realm) {
        session.getContext().setRealm(realm);
        try {
            leerid.deriver(realm);
        } catch (SubjectUnavailableException e) {
            LOG.errorf("LeerID configuration error: %s. Logins to this realm's LeerID services are refused until it is fixed.",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
