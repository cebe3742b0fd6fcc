package be.leerid.identifiers.protocol.saml.mappers;

import java.util.List;

import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/** Adds LeerID attributes to a SAML attribute statement, always with NameFormat uri. */
final class SamlAttributes {

    private SamlAttributes() {
    }

    static void add(AttributeStatementType statement, String name, String friendlyName, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        AttributeType attribute = new AttributeType(name);
        attribute.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
        attribute.setFriendlyName(friendlyName);
        values.forEach(attribute::addAttributeValue);
        statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
    }
}
