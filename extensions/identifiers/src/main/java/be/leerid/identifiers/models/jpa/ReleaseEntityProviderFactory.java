package be.leerid.identifiers.models.jpa;

/** The release record's tables: LEERID_RELEASE and its daily counts per school, LEERID_SCHOOL_USE. */
public final class ReleaseEntityProviderFactory extends ModuleTablesFactory {

    public static final String PROVIDER_ID = "leerid-release";

    public ReleaseEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/leerid-release-changelog.xml", ReleaseEntity.class, SchoolUseEntity.class);
    }
}
