package be.leerid.identifiers.protocol;

import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.models.LeerIdProvider;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;

/** The base of LeerID's SAML mappers: the assertion's attributes go through {@link #apply}, as OIDC's tokens do. */
public abstract class LeerIdSamlMapper extends AbstractSAMLProtocolMapper implements SAMLAttributeStatementMapper {

    /** Adds this mapper's attributes; returns the claim released, as the release record names it, or null if none. */
    protected abstract String apply(AttributeStatementType statement, ProtocolMapperModel model, PersonRecord person,
                                  PseudonymSource subject);

    @Override
    public final void transformAttributeStatement(AttributeStatementType statement, ProtocolMapperModel model,
                                                  KeycloakSession session, UserSessionModel userSession,
                                                  AuthenticatedClientSessionModel clientSession) {
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        String released = apply(statement, model, SubjectRefusal.recordOrRefuse(leerid, clientSession.getClient(), userSession.getUser()),
                PseudonymSource.of(() -> pseudonym(session, userSession, clientSession),
                        () -> leerid.formerPseudonyms(clientSession.getClient(), userSession.getUser())));
        if (released != null) {
            leerid.released(clientSession, userSession.getUser(), released);
        }
    }

    /** The pseudonym, or an error that stops the assertion from being issued. */
    protected static String pseudonym(KeycloakSession session, UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        return SubjectRefusal.pseudonymOrRefuse(session.getProvider(LeerIdProvider.class), clientSession.getClient(), userSession.getUser());
    }
}
