package be.leerid.identifiers.protocol.saml.mappers;

import java.util.List;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.protocol.LeerIdSamlMapper;
import be.leerid.identifiers.protocol.MapperConfig;
import be.leerid.identifiers.protocol.PseudonymSource;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Releases one LeerID claim as its eduPerson/SCHAC SAML attribute (NameFormat uri), from the same
 * register facts as the OIDC claim mapper. Approval is the client scope holding this mapper.
 */
public final class LeerIdAttributeMapper extends LeerIdSamlMapper {

    public static final String PROVIDER_ID = "saml-leerid-attribute-mapper";

    private static final List<ProviderConfigProperty> CONFIG =
            MapperConfig.scopeProperty(MapperConfig.claimProperty(ProviderConfigurationBuilder.create())).build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: register attribute";
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Releases one fact from the person's register record as its eduPerson/SCHAC SAML attribute "
                + "(the same facts LeerID's OIDC claim mapper releases).";
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
    protected String apply(AttributeStatementType statement, ProtocolMapperModel model, PersonRecord person, PseudonymSource subject) {
        Claim claim = MapperConfig.claim(model);
        List<String> values = claim.samlValues(person, MapperConfig.scope(model));
        SamlAttributes.add(statement, claim.samlName(), claim.samlFriendlyName(), values);
        return values.isEmpty() ? null : claim.oidcName();
    }
}
