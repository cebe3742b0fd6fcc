package be.leerid.identifiers.protocol.oidc.mappers;

import java.util.List;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.protocol.LeerIdSubjects;
import be.leerid.identifiers.protocol.MapperConfig;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;

/**
 * Releases one LeerID claim (eduperson_affiliation, ov_orgcode, given_name, ...) from the person's
 * register attributes. Approval is the client scope holding this mapper: a client that is not
 * assigned the scope never receives the claim, and asking for the scope fails with invalid_scope.
 */
public final class LeerIdClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "oidc-leerid-claim-mapper";

    private static final List<ProviderConfigProperty> CONFIG;

    static {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        MapperConfig.claimProperty(builder);
        MapperConfig.scopeProperty(builder);
        List<ProviderConfigProperty> properties = new java.util.ArrayList<>(builder.build());
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
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
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

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        Claim claim = MapperConfig.claim(mappingModel);
        List<String> values = claim.oidcValues(LeerIdSubjects.personInRequest(session, userSession.getUser()), MapperConfig.scope(mappingModel));
        if (values.isEmpty()) {
            return;
        }
        token.getOtherClaims().put(claim.oidcName(), claim.multivalued() ? values : values.get(0));
    }
}
