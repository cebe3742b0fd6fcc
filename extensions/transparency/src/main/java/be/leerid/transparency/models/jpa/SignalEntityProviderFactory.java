package be.leerid.transparency.models.jpa;

import be.leerid.identifiers.models.jpa.ModuleTablesFactory;

/** The Shared Signals queue's table (LEERID_SIGNAL). */
public final class SignalEntityProviderFactory extends ModuleTablesFactory {

    public static final String PROVIDER_ID = "leerid-signal";

    public SignalEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/leerid-signal-changelog.xml", SignalEntity.class);
    }
}
