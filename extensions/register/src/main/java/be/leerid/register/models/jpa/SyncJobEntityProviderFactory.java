package be.leerid.register.models.jpa;

import be.leerid.identifiers.models.jpa.ModuleTablesFactory;

/** The register sync jobs' table (LEERID_SYNC_JOB), which every node of a cluster reads. */
public final class SyncJobEntityProviderFactory extends ModuleTablesFactory {

    public static final String PROVIDER_ID = "leerid-sync-job";

    public SyncJobEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/leerid-sync-job-changelog.xml", SyncJobEntity.class);
    }
}
