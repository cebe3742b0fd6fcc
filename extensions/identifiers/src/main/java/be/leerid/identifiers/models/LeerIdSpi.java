package be.leerid.identifiers.models;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** LeerID's own SPI: {@code session.getProvider(LeerIdProvider.class)}. */
public final class LeerIdSpi implements Spi {

    public static final String NAME = "leerid";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return LeerIdProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return LeerIdProviderFactory.class;
    }
}
