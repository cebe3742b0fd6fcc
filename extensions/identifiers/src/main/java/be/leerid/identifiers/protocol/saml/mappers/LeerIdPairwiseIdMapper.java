package be.leerid.identifiers.protocol.saml.mappers;

import java.util.List;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.models.SubjectMapper;
import be.leerid.identifiers.protocol.LeerIdSamlMapper;
import be.leerid.identifiers.protocol.MapperConfig;
import be.leerid.identifiers.protocol.PseudonymSource;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.saml.mappers.NameIdMapperHelper;
import org.keycloak.protocol.saml.mappers.SAMLNameIdMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * Gives a SAML service the learner's pseudonym twice: as the persistent NameID and as the
 * attribute {@code urn:oasis:names:tc:SAML:attribute:pairwise-id} = {@code pseudonym@scope}.
 * Users without a LeerID get no assertion. After a register merge, the service also gets the NameID it knew for the
 * merged record as {@value Claim#FORMER_SUBJECT_SAML}.
 */
public final class LeerIdPairwiseIdMapper extends LeerIdSamlMapper implements SAMLNameIdMapper, SubjectMapper {

    public static final String PROVIDER_ID = "saml-leerid-pairwise-id-mapper";
    public static final String PAIRWISE_ID = "urn:oasis:names:tc:SAML:attribute:pairwise-id";
    private static final String PERSISTENT = JBossSAMLURIConstants.NAMEID_FORMAT_PERSISTENT.get();

    private static final List<ProviderConfigProperty> CONFIG = MapperConfig.scopeProperty(ProviderConfigurationBuilder.create())
            .property().name(NameIdMapperHelper.MAPPER_NAMEID_FORMAT).label("NameID format")
            .helpText("Must be persistent: the pseudonym is a persistent, pairwise identifier. Also set the client's "
                    + "'Name ID format' to persistent and force it.")
            .type(ProviderConfigProperty.LIST_TYPE).options(PERSISTENT).defaultValue(PERSISTENT).add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: pairwise pseudonym (NameID and pairwise-id)";
    }

    @Override
    public String getDisplayCategory() {
        return NameIdMapperHelper.NAMEID_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Sets the persistent NameID to the learner's pseudonym for this service's sector and adds the "
                + "pairwise-id attribute (pseudonym@scope). The sector is the client attribute 'leerid.sector', "
                + "or else the host of the entity ID.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel container,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        MapperConfig.validateScope(mapperModel);
        if (!PERSISTENT.equals(mapperModel.getConfig().get(NameIdMapperHelper.MAPPER_NAMEID_FORMAT))) {
            throw MapperConfig.invalid(NameIdMapperHelper.MAPPER_NAMEID_FORMAT + " must be " + PERSISTENT);
        }
        MapperConfig.validateSector(session, container);
    }

    @Override
    public String mapperNameId(String nameIdFormat, ProtocolMapperModel mappingModel, KeycloakSession session,
                               UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        return pseudonym(session, userSession, clientSession);
    }

    @Override
    protected String apply(AttributeStatementType statement, ProtocolMapperModel model, PersonRecord person, PseudonymSource subject) {
        SamlAttributes.add(statement, PAIRWISE_ID, "pairwise-id", List.of(subject.pseudonym() + "@" + MapperConfig.scope(model)));
        List<String> former = subject.former();
        if (!former.isEmpty()) {
            SamlAttributes.add(statement, Claim.FORMER_SUBJECT_SAML, Claim.FORMER_SUBJECT_CLAIM, former);
        }
        return Claim.SUBJECT_CLAIM;
    }
}
