package be.leerid.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The archive's signed AuthnRequest (HTTP-Redirect binding, RSA-SHA256), as the archive client sends it; both
 * servers require the signature. Built with the JDK alone so the load driver stays small.
 */
final class ArchiveAuthnRequest {

    static final String ENTITY_ID = "https://onderwijs.hetarchief.be/saml/sp";
    static final String ACS = "https://onderwijs.hetarchief.be/saml/acs";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private final PrivateKey key;

    ArchiveAuthnRequest(Path pemFile) {
        try {
            String pem = Files.readString(pemFile);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the archive's signing key " + pemFile, e);
        }
    }

    /** The query string of a fresh signed request to the realm's SAML endpoint. */
    String query(String realmUrl) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + UUID.randomUUID() + "\" Version=\"2.0\""
                + " IssueInstant=\"" + Instant.now() + "\" Destination=\"" + realmUrl + "/protocol/saml\""
                + " AssertionConsumerServiceURL=\"" + ACS + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + ENTITY_ID + "</saml:Issuer></samlp:AuthnRequest>";
        String query = "SAMLRequest=" + encode(deflateBase64(xml)) + "&SigAlg=" + encode(RSA_SHA256);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(query.getBytes(StandardCharsets.UTF_8));
            return query + "&Signature=" + encode(Base64.getEncoder().encodeToString(rsa.sign()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deflateBase64(String xml) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(deflated.toByteArray());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
