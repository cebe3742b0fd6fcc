package be.leerid.identifiers.protocol.oidc.mappers;

import java.util.ArrayList;
import java.util.List;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.protocol.LeerIdOidcMapper;
import be.leerid.identifiers.protocol.MapperConfig;
import be.leerid.identifiers.protocol.PseudonymSource;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.JsonWebToken;

/**
 * Releases one LeerID claim (eduperson_affiliation, ov_orgcode, given_name, ...) from the person's
 * register attributes. Approval is the client scope holding this mapper: a client that is not
 * assigned the scope never receives the claim, and asking for the scope fails with invalid_scope.
 */
public final class LeerIdClaimMapper extends LeerIdOidcMapper {

    public static final String PROVIDER_ID = "oidc-leerid-claim-mapper";

    private static final List<ProviderConfigProperty> CONFIG;

    static {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        MapperConfig.claimProperty(builder);
        MapperConfig.scopeProperty(builder);
        List<ProviderConfigProperty> properties = new ArrayList<>(builder.build());
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, LeerIdClaimMapper.class);
        CONFIG = List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: register claim";
    }

    @Override
    public String getHelpText() {
        return "Releases one claim from the person's register record (the same facts LeerID's SAML mapper releases).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel container,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        MapperConfig.validateClaim(mapperModel);
        MapperConfig.validateScope(mapperModel);
    }

    /** The admin's "add to ID token / access token / userinfo / introspection" switches; never a logout token. */
    @Override
    protected boolean appliesTo(TokenType type, ProtocolMapperModel model, KeycloakSession session) {
        return switch (type) {
            case ID -> OIDCAttributeMapperHelper.includeInIDToken(model);
            case ACCESS -> getShouldUseLightweightToken(session) ? OIDCAttributeMapperHelper.includeInLightweightAccessToken(model)
                    : OIDCAttributeMapperHelper.includeInAccessToken(model);
            case USERINFO -> OIDCAttributeMapperHelper.includeInUserInfo(model);
            case INTROSPECTION -> OIDCAttributeMapperHelper.includeInIntrospection(model);
            case LOGOUT -> false;
        };
    }

    @Override
    protected String apply(JsonWebToken token, TokenType type, ProtocolMapperModel model, PersonRecord person, PseudonymSource subject) {
        Claim claim = MapperConfig.claim(model);
        Object value = claim.oidcClaim(person, MapperConfig.scope(model));
        if (value == null) {
            return null;
        }
        token.getOtherClaims().put(claim.oidcName(), value);
        return claim.oidcName();
    }
}
