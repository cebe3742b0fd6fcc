package be.leerid.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
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
import org.opensaml.security.credential.CredentialSupport;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 service provider played by OpenSAML 4.0.1: it writes the AuthnRequest (HTTP-Redirect
 * binding, signed with the archive's dev key from realm-config/dev) and checks LeerID's response the way a real SP library would: signature against the
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
    private final PrivateKey spKey;

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    SamlService(String realmUrl, String entityId, String acsUrl) throws Exception {
        this.entityId = entityId;
        this.acsUrl = acsUrl;
        this.ssoUrl = realmUrl + "/protocol/saml";
        this.idpCertificate = signingCertificate(realmUrl + "/protocol/saml/descriptor");
        this.spKey = spSigningKey();
    }

    /** The request, and where the browser must go to send it. */
    record Request(String id, URI browserUri) {
    }

    /** A signed AuthnRequest from this SP for its own ACS URL, as the archive sends them. */
    Request authnRequest() throws Exception {
        return authnRequest(entityId, acsUrl, true);
    }

    /** An AuthnRequest with any issuer and ACS URL, signed with the SP's key or not (HTTP-Redirect binding). */
    Request authnRequest(String issuerValue, String acs, boolean signed) throws Exception {
        String id = "_" + UUID.randomUUID();
        String query = "SAMLRequest=" + encode(deflateBase64(requestXml(id, issuerValue, acs)));
        return new Request(id, URI.create(ssoUrl + "?" + (signed ? sign(query) : query)));
    }

    /** A signed request whose content was changed afterwards (another ACS URL): the signature no longer fits. */
    Request tamperedAuthnRequest(String otherAcs) throws Exception {
        Request genuine = authnRequest();
        String query = genuine.browserUri().getRawQuery();
        String forged = "SAMLRequest=" + encode(deflateBase64(requestXml(genuine.id(), entityId, otherAcs)))
                + query.substring(query.indexOf("&SigAlg="));
        return new Request(genuine.id(), URI.create(ssoUrl + "?" + forged));
    }

    /** HTTP-POST binding: the raw XML (any content, such as a DOCTYPE) base64-encoded as SAMLRequest. */
    HttpResponse<String> postRaw(String xml) throws Exception {
        String form = "SAMLRequest=" + encode(Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ssoUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * HTTP-POST binding: a signed AuthnRequest from this SP for the given ACS URL, as a DOM the caller may still change
     * (an enveloped XML signature by the SP's key, RSA-SHA256, exclusive canonicalization; OpenSAML signs it).
     */
    Element signedPostRequest(String id, String acs) throws Exception {
        AuthnRequest request = requestObject(id, entityId, acs);
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        java.security.interfaces.RSAPrivateCrtKey key = (java.security.interfaces.RSAPrivateCrtKey) spKey;
        parameters.setSigningCredential(CredentialSupport.getSimpleCredential(KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), spKey));
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        SignatureSupport.signObject(request, parameters);
        return request.getDOM();
    }

    /** HTTP-POST binding: sends this request element as SAMLRequest. */
    HttpResponse<String> post(Element request) throws Exception {
        return postRaw(SerializeSupport.nodeToString(request));
    }

    private String requestXml(String id, String issuerValue, String acs) throws Exception {
        AuthnRequest request = requestObject(id, issuerValue, acs);
        Element element = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(request).marshall(request);
        return SerializeSupport.nodeToString(element);
    }

    @SuppressWarnings("unchecked")
    private AuthnRequest requestObject(String id, String issuerValue, String acs) {
        AuthnRequest request = ((SAMLObjectBuilder<AuthnRequest>) builder(AuthnRequest.DEFAULT_ELEMENT_NAME)).buildObject();
        request.setID(id);
        request.setIssueInstant(Instant.now());
        request.setDestination(ssoUrl);
        request.setAssertionConsumerServiceURL(acs);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = ((SAMLObjectBuilder<Issuer>) builder(Issuer.DEFAULT_ELEMENT_NAME)).buildObject();
        issuer.setValue(issuerValue);
        request.setIssuer(issuer);
        NameIDPolicy policy = ((SAMLObjectBuilder<NameIDPolicy>) builder(NameIDPolicy.DEFAULT_ELEMENT_NAME)).buildObject();
        policy.setFormat(PERSISTENT);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);
        return request;
    }

    private static String deflateBase64(String xml) throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(deflated.toByteArray());
    }

    /** SAML 2.0 bindings 3.4.4.1: RSA-SHA256 over "SAMLRequest=...&SigAlg=..." as sent. */
    private String sign(String query) throws Exception {
        String signed = query + "&SigAlg=" + encode(RSA_SHA256);
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(spKey);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "&Signature=" + encode(Base64.getEncoder().encodeToString(rsa.sign()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static PrivateKey spSigningKey() throws Exception {
        String pem = java.nio.file.Files.readString(RepositoryFiles.root().resolve("realm-config/dev/archief-sp-signing-key.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
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
        check(!assertion.getConditions().getNotOnOrAfter().isAfter(assertion.getIssueInstant().plusSeconds(300)),
                "assertion lives longer than 5 minutes");
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
