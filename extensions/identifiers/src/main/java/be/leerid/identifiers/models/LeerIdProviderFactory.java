package be.leerid.identifiers.models;

import org.keycloak.provider.ProviderFactory;

/** Creates the per-session {@link LeerIdProvider}; owns what outlives a request (key cache, valid sectors). */
public interface LeerIdProviderFactory extends ProviderFactory<LeerIdProvider> {
}
