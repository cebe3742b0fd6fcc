package be.leerid.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.xml.namespace.QName;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.saml.common.SAMLObjectBuilder;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 service provider played by OpenSAML 4.0.1: it writes the AuthnRequest (HTTP-Redirect
 * binding) and checks LeerID's response the way a real SP library would: signature against the
 * realm's certificate from its metadata, Audience, Recipient, NotOnOrAfter and InResponseTo.
 */
final class SamlService {

    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    static {
        try {
            InitializationService.initialize();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String entityId;
    private final String acsUrl;
    private final String ssoUrl;
    private final X509Certificate idpCertificate;

    SamlService(String realmUrl, String entityId, String acsUrl) throws Exception {
        this.entityId = entityId;
        this.acsUrl = acsUrl;
        this.ssoUrl = realmUrl + "/protocol/saml";
        this.idpCertificate = signingCertificate(realmUrl + "/protocol/saml/descriptor");
    }

    /** The request, and where the browser must go to send it. */
    record Request(String id, URI browserUri) {
    }

    @SuppressWarnings("unchecked")
    Request authnRequest() throws Exception {
        String id = "_" + UUID.randomUUID();
        AuthnRequest request = ((SAMLObjectBuilder<AuthnRequest>) builder(AuthnRequest.DEFAULT_ELEMENT_NAME)).buildObject();
        request.setID(id);
        request.setIssueInstant(Instant.now());
        request.setDestination(ssoUrl);
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = ((SAMLObjectBuilder<Issuer>) builder(Issuer.DEFAULT_ELEMENT_NAME)).buildObject();
        issuer.setValue(entityId);
        request.setIssuer(issuer);
        NameIDPolicy policy = ((SAMLObjectBuilder<NameIDPolicy>) builder(NameIDPolicy.DEFAULT_ELEMENT_NAME)).buildObject();
        policy.setFormat(PERSISTENT);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);

        Element element = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(request).marshall(request);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFLATED, true))) {
            out.write(SerializeSupport.nodeToString(element).getBytes(StandardCharsets.UTF_8));
        }
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(deflated.toByteArray()), StandardCharsets.UTF_8);
        return new Request(id, URI.create(ssoUrl + "?SAMLRequest=" + encoded));
    }

    /** A response that passed every check, with its NameID and attributes. */
    record Verified(String nameIdFormat, String nameId, Map<String, List<String>> attributes) {
    }

    Verified verify(String base64Response, String requestId) throws Exception {
        Response response = (Response) unmarshal(Base64.getMimeDecoder().decode(base64Response));
        check(StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue()), "status is not Success");
        check(acsUrl.equals(response.getDestination()), "Destination is not the ACS URL");
        check(requestId.equals(response.getInResponseTo()), "response InResponseTo does not match the request");
        if (response.getSignature() != null) {
            verifySignature(response.getSignature());
        }
        check(response.getAssertions().size() == 1, "expected exactly one (unencrypted) assertion");
        Assertion assertion = response.getAssertions().get(0);
        check(assertion.getSignature() != null, "assertion is not signed");
        verifySignature(assertion.getSignature());

        Instant now = Instant.now();
        check(assertion.getConditions().getNotOnOrAfter().isAfter(now), "assertion conditions expired");
        check(!assertion.getConditions().getNotBefore().isAfter(now.plusSeconds(5)), "assertion not yet valid");
        check(assertion.getConditions().getAudienceRestrictions().stream()
                .flatMap(r -> r.getAudiences().stream()).anyMatch(a -> entityId.equals(a.getURI())), "Audience is not this SP");
        SubjectConfirmationData confirmation = assertion.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData();
        check(acsUrl.equals(confirmation.getRecipient()), "Recipient is not the ACS URL");
        check(confirmation.getNotOnOrAfter().isAfter(now), "subject confirmation expired");
        check(requestId.equals(confirmation.getInResponseTo()), "subject confirmation InResponseTo does not match");

        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                check(Attribute.URI_REFERENCE.equals(attribute.getNameFormat()), attribute.getName() + " is not NameFormat uri");
                attributes.put(attribute.getName(), attribute.getAttributeValues().stream().map(XMLObject::getDOM)
                        .map(Element::getTextContent).toList());
            }
        }
        var nameId = assertion.getSubject().getNameID();
        return new Verified(nameId.getFormat(), nameId.getValue(), attributes);
    }

    private void verifySignature(Signature signature) throws Exception {
        new SAMLSignatureProfileValidator().validate(signature);
        SignatureValidator.validate(signature, new BasicX509Credential(idpCertificate));
    }

    private static X509Certificate signingCertificate(String descriptorUrl) throws Exception {
        HttpResponse<byte[]> metadata = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(descriptorUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        EntityDescriptor descriptor = (EntityDescriptor) unmarshal(metadata.body());
        IDPSSODescriptor idp = descriptor.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() == null || key.getUse() == UsageType.SIGNING) {
                String der = key.getKeyInfo().getX509Datas().get(0).getX509Certificates().get(0).getValue();
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(der)));
            }
        }
        throw new AssertionError("the realm's SAML metadata has no signing certificate");
    }

    private static XMLObject unmarshal(byte[] xml) throws Exception {
        Element element = XMLObjectProviderRegistrySupport.getParserPool().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
        return unmarshaller.unmarshall(element);
    }

    private static Object builder(QName name) {
        return XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("SAML response rejected: " + message);
        }
    }
}
