package be.leerid.school.forms.login.freemarker;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Keycloak's login pages with reference codes on error pages; the realm's default (its order is above Keycloak's 0). */
public final class ReferencingLoginFormsProviderFactory extends FreeMarkerLoginFormsProviderFactory {

    public static final String PROVIDER_ID = "leerid-referencing-freemarker";

    /** Shared by every page of this node. */
    private final ThemeBundles bundles = new ThemeBundles();

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new ReferencingLoginFormsProvider(session, bundles);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return 1;
    }
}
