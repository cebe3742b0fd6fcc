package be.leerid.identifiers.protocol.oidc.mappers;

import java.util.List;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.models.SubjectMapper;
import be.leerid.identifiers.protocol.LeerIdOidcMapper;
import be.leerid.identifiers.protocol.MapperConfig;
import be.leerid.identifiers.protocol.PseudonymSource;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * Sets {@code sub} in every token (ID, access, userinfo, introspection, logout; the refresh token copies
 * the access token's) to the person's pairwise pseudonym for the client's sector. Users without a LeerID
 * get no token. Back-channel logout tokens name the same subject the service knows, never Keycloak's user id,
 * and an introspection response's {@code username} is the pseudonym too, never the person's login name. After a
 * register merge, every token but the logout token also carries the pseudonym the service knew for the merged record
 * ({@value Claim#FORMER_SUBJECT_CLAIM}).
 */
public final class LeerIdPseudonymMapper extends LeerIdOidcMapper implements SubjectMapper {

    public static final String PROVIDER_ID = "oidc-leerid-pseudonym-mapper";
    /** RFC 7662's human-readable identifier, which Keycloak fills in with the login name unless the token has one. */
    private static final String INTROSPECTION_USERNAME = "username";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: pairwise pseudonym (sub)";
    }

    @Override
    public String getHelpText() {
        return "Sets the subject (sub) of every token to the learner's pseudonym for this client's sector: "
                + "HMAC-SHA-256 of the sector and the LeerID under the realm's vault key 'pseudonym-key'. "
                + "The sector is the client attribute 'leerid.sector', or else the one host of its redirect URIs.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel container,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        MapperConfig.validateSector(session, container);
    }

    @Override
    protected boolean appliesTo(TokenType type, ProtocolMapperModel model, KeycloakSession session) {
        return true;
    }

    @Override
    protected String apply(JsonWebToken token, TokenType type, ProtocolMapperModel model, PersonRecord person, PseudonymSource subject) {
        String pseudonym = subject.pseudonym();
        token.setSubject(pseudonym);
        if (type == TokenType.INTROSPECTION) {
            // A service that introspects a token learns the pseudonym it knows, never the person's username.
            token.getOtherClaims().put(INTROSPECTION_USERNAME, pseudonym);
        }
        if (type != TokenType.LOGOUT) {
            // After a register merge, the service also learns the pseudonym it knew for the merged record.
            List<String> former = subject.former();
            if (!former.isEmpty()) {
                token.getOtherClaims().put(Claim.FORMER_SUBJECT_CLAIM, former.size() == 1 ? former.get(0) : former);
            }
        }
        return Claim.SUBJECT_CLAIM;
    }
}
