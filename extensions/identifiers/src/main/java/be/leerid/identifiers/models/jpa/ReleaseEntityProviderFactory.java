package be.leerid.identifiers.models.jpa;

/** The release record's table (LEERID_RELEASE). */
public final class ReleaseEntityProviderFactory extends ModuleTablesFactory {

    public static final String PROVIDER_ID = "leerid-release";

    public ReleaseEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/leerid-release-changelog.xml", ReleaseEntity.class);
    }
}
