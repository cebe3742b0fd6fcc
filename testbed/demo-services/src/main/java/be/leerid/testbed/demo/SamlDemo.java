package be.leerid.testbed.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.xml.namespace.QName;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.SAMLObjectBuilder;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;

/**
 * A demo SAML 2.0 service provider (OpenSAML): signed AuthnRequests and LogoutRequests (HTTP-Redirect),
 * assertions checked against LeerID's metadata, and LeerID's back-channel logout.
 */
final class SamlDemo {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private final String name;
    private final URI base;
    private final String entityId;
    private final String realmUrl;
    private final PrivateKey signingKey;
    private final Sessions sessions = new Sessions("archief_session");
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile X509Certificate idpCertificate;

    SamlDemo(String name, URI base, String realmUrl, Path signingKey) throws Exception {
        InitializationService.initialize();
        this.name = name;
        this.base = base;
        this.entityId = base.resolve("/saml").toString();
        this.realmUrl = realmUrl;
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(signingKey).replaceAll("-----[A-Z ]+-----", ""));
        this.signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    void mount(HttpServer server) {
        server.createContext("/", this::home);
        server.createContext("/login", this::login);
        server.createContext("/saml/acs", this::acs);
        server.createContext("/logout", this::logout);
        server.createContext("/saml/slo", this::singleLogout);
    }

    private void home(HttpExchange exchange) throws IOException {
        Page.home(exchange, name, " Het archief is alleen voor personeel.", sessions.current(exchange), "NameID");
    }

    @SuppressWarnings("unchecked")
    private void login(HttpExchange exchange) throws IOException {
        try {
            String id = "_" + UUID.randomUUID();
            pending.add(id);
            AuthnRequest request = ((SAMLObjectBuilder<AuthnRequest>) builder(AuthnRequest.DEFAULT_ELEMENT_NAME)).buildObject();
            request.setID(id);
            request.setIssueInstant(Instant.now());
            request.setDestination(ssoUrl());
            request.setAssertionConsumerServiceURL(base.resolve("/saml/acs").toString());
            request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
            request.setIssuer(issuer());
            NameIDPolicy policy = ((SAMLObjectBuilder<NameIDPolicy>) builder(NameIDPolicy.DEFAULT_ELEMENT_NAME)).buildObject();
            policy.setFormat(PERSISTENT);
            request.setNameIDPolicy(policy);
            Page.redirect(exchange, ssoUrl() + "?" + signedQuery("SAMLRequest", request));
        } catch (Exception e) {
            Page.html(exchange, 503, name, "<p>LeerID is niet bereikbaar.</p>");
        }
    }

    private void acs(HttpExchange exchange) throws IOException {
        try {
            String encoded = Page.form(exchange).get("SAMLResponse");
            Response response = (Response) unmarshal(Base64.getMimeDecoder().decode(encoded));
            String status = response.getStatus().getStatusCode().getValue();
            String problem = !StatusCode.SUCCESS.equals(status) ? "status " + status
                    : !pending.remove(response.getInResponseTo()) ? "an answer to no request of ours"
                    : response.getAssertions().size() != 1 ? response.getAssertions().size() + " assertions" : null;
            if (problem != null) {
                Page.html(exchange, 403, name, "<p>Aanmelden is niet gelukt (" + Page.escape(problem) + ").</p><p><a href=\"/\">Terug</a></p>");
                return;
            }
            Assertion assertion = response.getAssertions().get(0);
            try {
                SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(idpCertificate()));
            } catch (org.opensaml.xmlsec.signature.support.SignatureException e) {
                // As a real SP on a key rollover: read LeerID's metadata again, then try once more.
                idpCertificate = null;
                SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(idpCertificate()));
            }
            boolean forUs = assertion.getConditions().getAudienceRestrictions().stream()
                    .flatMap(r -> r.getAudiences().stream()).anyMatch(a -> entityId.equals(a.getURI()));
            if (!forUs || assertion.getConditions().getNotOnOrAfter().isBefore(Instant.now())) {
                Page.html(exchange, 403, name, "<p>Aanmelden is niet gelukt.</p>");
                return;
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("NameID", assertion.getSubject().getNameID().getValue());
            for (AttributeStatement statement : assertion.getAttributeStatements()) {
                for (Attribute attribute : statement.getAttributes()) {
                    claims.put(attribute.getFriendlyName() != null ? attribute.getFriendlyName() : attribute.getName(),
                            attribute.getAttributeValues().stream().map(XMLObject::getDOM).map(Element::getTextContent).toList());
                }
            }
            String sessionIndex = assertion.getAuthnStatements().isEmpty() ? null
                    : assertion.getAuthnStatements().get(0).getSessionIndex();
            sessions.start(exchange, new Sessions.Session(claims, sessionIndex, String.valueOf(claims.get("NameID"))));
            Page.redirect(exchange, base.resolve("/").toString());
        } catch (Exception e) {
            Page.html(exchange, 400, name, "<p>Aanmelden is niet gelukt (" + Page.escape(e.getClass().getSimpleName()) + ").</p><p><a href=\"/\">Terug</a></p>");
        }
    }

    @SuppressWarnings("unchecked")
    private void logout(HttpExchange exchange) throws IOException {
        Sessions.Session session = sessions.current(exchange);
        sessions.end(exchange);
        if (session == null) {
            Page.redirect(exchange, base.resolve("/").toString());
            return;
        }
        try {
            LogoutRequest request = ((SAMLObjectBuilder<LogoutRequest>) builder(LogoutRequest.DEFAULT_ELEMENT_NAME)).buildObject();
            request.setID("_" + UUID.randomUUID());
            request.setIssueInstant(Instant.now());
            request.setDestination(ssoUrl());
            request.setIssuer(issuer());
            NameID nameId = ((SAMLObjectBuilder<NameID>) builder(NameID.DEFAULT_ELEMENT_NAME)).buildObject();
            nameId.setFormat(PERSISTENT);
            nameId.setValue(session.logoutHint());
            request.setNameID(nameId);
            SessionIndex index = ((SAMLObjectBuilder<SessionIndex>) builder(SessionIndex.DEFAULT_ELEMENT_NAME)).buildObject();
            index.setValue(session.leeridSession());
            request.getSessionIndexes().add(index);
            Page.redirect(exchange, ssoUrl() + "?" + signedQuery("SAMLRequest", request));
        } catch (Exception e) {
            Page.redirect(exchange, base.resolve("/").toString());
        }
    }

    /** LeerID's LogoutResponse (after our logout) or its back-channel LogoutRequest (after a logout elsewhere). */
    private void singleLogout(HttpExchange exchange) throws IOException {
        try {
            if ("POST".equals(exchange.getRequestMethod())) {
                String encoded = Page.form(exchange).get("SAMLRequest");
                if (encoded != null && unmarshal(Base64.getMimeDecoder().decode(encoded)) instanceof LogoutRequest request) {
                    request.getSessionIndexes().forEach(index -> sessions.endLeeridSession(index.getValue()));
                }
                Page.status(exchange, 200);
                return;
            }
            Page.redirect(exchange, base.resolve("/").toString());
        } catch (Exception e) {
            Page.status(exchange, 400);
        }
    }

    private String ssoUrl() {
        return realmUrl + "/protocol/saml";
    }

    @SuppressWarnings("unchecked")
    private Issuer issuer() {
        Issuer issuer = ((SAMLObjectBuilder<Issuer>) builder(Issuer.DEFAULT_ELEMENT_NAME)).buildObject();
        issuer.setValue(entityId);
        return issuer;
    }

    /** SAML 2.0 bindings 3.4.4.1: deflated, base64, then RSA-SHA256 over the query as sent. */
    private String signedQuery(String parameter, SAMLObject message) throws Exception {
        Element element = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(message).marshall(message);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFLATED, true))) {
            out.write(SerializeSupport.nodeToString(element).getBytes(StandardCharsets.UTF_8));
        }
        String query = parameter + "=" + encode(Base64.getEncoder().encodeToString(deflated.toByteArray()))
                + "&SigAlg=" + encode(RSA_SHA256);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signingKey);
        rsa.update(query.getBytes(StandardCharsets.US_ASCII));
        return query + "&Signature=" + encode(Base64.getEncoder().encodeToString(rsa.sign()));
    }

    private X509Certificate idpCertificate() throws Exception {
        if (idpCertificate == null) {
            HttpResponse<byte[]> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ssoUrl() + "/descriptor")).build(), HttpResponse.BodyHandlers.ofByteArray());
            EntityDescriptor descriptor = (EntityDescriptor) unmarshal(metadata.body());
            for (KeyDescriptor key : descriptor.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getKeyDescriptors()) {
                if (key.getUse() == null || key.getUse() == UsageType.SIGNING) {
                    String der = key.getKeyInfo().getX509Datas().get(0).getX509Certificates().get(0).getValue();
                    idpCertificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(der)));
                    break;
                }
            }
        }
        return idpCertificate;
    }

    private static XMLObject unmarshal(byte[] xml) throws Exception {
        Element element = XMLObjectProviderRegistrySupport.getParserPool().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        return XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element).unmarshall(element);
    }

    private static Object builder(QName name) {
        return XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
