package be.leerid.transparency.services;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.models.PersonSignalEvent;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * LeerID's Shared Signals transmitter (OpenID SSF 1.0, push delivery per RFC 8935): publishes its configuration at
 * {@code /realms/{realm}/.well-known/ssf-configuration}, queues a signed token for every receiver concerned when a
 * {@link PersonSignalEvent} is published or an account is deleted, and delivers the queue every
 * {@value #INTERVAL_OPTION} seconds from one node of the cluster.
 */
public final class SharedSignalsTransmitterFactory implements WellKnownProviderFactory {

    public static final String PROVIDER_ID = "ssf-configuration";
    static final String INTERVAL_OPTION = "delivery-interval-seconds";
    private static final int DEFAULT_INTERVAL_SECONDS = 10;

    private long intervalMillis = DEFAULT_INTERVAL_SECONDS * 1000L;

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                return configuration(session);
            }

            @Override
            public void close() {
            }
        };
    }

    /** SSF 1.0, section 7.1: what a receiver needs to verify LeerID's tokens and how they are delivered. */
    private static Map<String, Object> configuration(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        String issuer = SignalQueuing.issuer(session, realm);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("spec_version", "1_0");
        config.put("issuer", issuer);
        config.put("jwks_uri", OIDCLoginProtocolService.certsUrl(session.getContext().getUri().getBaseUriBuilder())
                .build(realm.getName(), OIDCLoginProtocol.LOGIN_PROTOCOL).toString());
        config.put("delivery_methods_supported", List.of("urn:ietf:rfc:8935"));
        // Receivers are registered by LeerID's operators, not through a stream management API; every service
        // hears about the people it knows.
        config.put("default_subjects", "ALL");
        config.put("events_supported", Arrays.stream(PersonSignal.values()).map(PersonSignal::eventType).toList());
        return config;
    }

    @Override
    public void init(Config.Scope config) {
        int seconds = config.getInt(INTERVAL_OPTION, DEFAULT_INTERVAL_SECONDS);
        if (seconds < 1) {
            throw new IllegalArgumentException(INTERVAL_OPTION + " must be at least 1, not " + seconds);
        }
        intervalMillis = seconds * 1000L;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PersonSignalEvent signal) {
                SignalQueuing.queue(signal.session(), signal.realm(), signal.user(), signal.signal(), signal.successor());
            } else if (event instanceof UserModel.UserPreRemovedEvent removed) {
                SignalQueuing.queue(removed.getKeycloakSession(), removed.getRealm(), removed.getUser(), PersonSignal.ACCOUNT_PURGED, null);
            }
        });
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, new SignalDelivery(), intervalMillis), intervalMillis, SignalDelivery.TASK_NAME);
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(INTERVAL_OPTION).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds between two deliveries of the queued Security Event Tokens (one node of the cluster delivers).")
                .defaultValue(DEFAULT_INTERVAL_SECONDS).add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
