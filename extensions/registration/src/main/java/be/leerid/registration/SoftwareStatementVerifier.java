package be.leerid.registration;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import be.leerid.identifiers.ServiceAccess;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks a software statement against the onboarding authority's public keys (several, for rotation):
 * RS256 or ES256 only, signature, issuer, validity period, and every approval claim's form.
 */
public final class SoftwareStatementVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern SOFTWARE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9-]{1,64}");

    private final String issuer;
    private final List<JWK> trustedKeys;
    private final Clock clock;

    private SoftwareStatementVerifier(String issuer, List<JWK> trustedKeys, Clock clock) {
        this.issuer = issuer;
        this.trustedKeys = trustedKeys;
        this.clock = clock;
    }

    /**
     * @param issuer the onboarding authority's issuer ({@code iss} of every statement)
     * @param trustedJwks a JWK Set with the authority's public keys
     * @throws IllegalArgumentException if the configuration is unusable (no keys, a private key, no issuer)
     */
    public static SoftwareStatementVerifier of(String issuer, String trustedJwks, Clock clock) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("no onboarding authority issuer is configured");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(trustedJwks == null ? "" : trustedJwks);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the onboarding authority's keys are not a JWK Set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException("the onboarding authority's JWK Set has no keys");
        }
        if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
            throw new IllegalArgumentException("the onboarding authority's JWK Set holds a private key; configure public keys only");
        }
        return new SoftwareStatementVerifier(issuer, List.copyOf(set.getKeys()), clock);
    }

    public SoftwareStatement verify(String token) throws RegistrationException {
        SignedJWT jwt = parse(token);
        verifySignature(jwt);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw RegistrationException.statement("the software_statement's claims are not valid JSON");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new RegistrationException(RegistrationException.UNAPPROVED_SOFTWARE_STATEMENT,
                    "the software_statement was not issued by LeerID's onboarding authority");
        }
        Instant expiresAt = checkValidity(claims);
        return approvals(claims, expiresAt, token);
    }

    private static SignedJWT parse(String token) throws RegistrationException {
        if (token == null || token.isBlank()) {
            throw RegistrationException.statement("a software_statement is required: LeerID registers only services the "
                    + "Flemish ministry of education approved");
        }
        if (token.length() > MAX_LENGTH) {
            throw RegistrationException.statement("the software_statement is longer than " + MAX_LENGTH + " characters");
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token.trim());
        } catch (ParseException e) {
            throw RegistrationException.statement("the software_statement is not a JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw RegistrationException.statement("the software_statement must be signed (RS256 or ES256); "
                    + "unsigned and encrypted statements are refused");
        }
        if (!ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
            throw RegistrationException.statement("the software_statement is signed with " + signed.getHeader().getAlgorithm()
                    + "; only RS256 and ES256 are accepted");
        }
        return signed;
    }

    private void verifySignature(SignedJWT jwt) throws RegistrationException {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        String keyId = jwt.getHeader().getKeyID();
        KeyType type = JWSAlgorithm.RS256.equals(algorithm) ? KeyType.RSA : KeyType.EC;
        List<JWK> candidates = trustedKeys.stream()
                .filter(k -> type.equals(k.getKeyType()))
                .filter(k -> keyId == null || keyId.equals(k.getKeyID()))
                .toList();
        if (candidates.isEmpty()) {
            throw new RegistrationException(RegistrationException.UNAPPROVED_SOFTWARE_STATEMENT,
                    "the software_statement is signed by a key LeerID does not trust" + (keyId == null ? "" : " (kid " + keyId + ")"));
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = type == KeyType.RSA ? new RSASSAVerifier(key.toRSAKey()) : new ECDSAVerifier(key.toECKey());
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                // not this key
            }
        }
        throw RegistrationException.statement("the software_statement's signature does not verify: it was altered, "
                + "or not signed by the onboarding authority");
    }

    private Instant checkValidity(JWTClaimsSet claims) throws RegistrationException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw RegistrationException.statement("the software_statement has no expiry (exp)");
        }
        if (exp.toInstant().plus(SKEW).isBefore(now)) {
            throw RegistrationException.statement("the software_statement expired on " + exp.toInstant()
                    + "; ask the onboarding authority for a new one");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now)) {
            throw RegistrationException.statement("the software_statement is not valid before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().minus(SKEW).isAfter(now)) {
            throw RegistrationException.statement("the software_statement is issued in the future (iat)");
        }
        return exp.toInstant();
    }

    private static SoftwareStatement approvals(JWTClaimsSet claims, Instant expiresAt, String token) throws RegistrationException {
        String softwareId = string(claims, SoftwareStatement.SOFTWARE_ID);
        if (!SOFTWARE_ID.matcher(softwareId).matches()) {
            throw RegistrationException.statement("software_id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String name = string(claims, SoftwareStatement.CLIENT_NAME);
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw RegistrationException.statement("client_name must be at most 100 printable characters");
        }
        String kbo = string(claims, SoftwareStatement.ORG_KBO).replace(".", "").replace(" ", "");
        if (!OrganisationNumber.isValid(kbo)) {
            throw RegistrationException.statement("org_kbo is not a valid KBO/BCE enterprise number");
        }
        String sector = string(claims, SoftwareStatement.SECTOR);
        if (!HostNames.isPublicDnsName(sector)) {
            throw RegistrationException.statement("leerid_sector must be a public DNS name, such as the service's domain");
        }
        List<String> hosts = strings(claims, SoftwareStatement.REDIRECT_HOSTS);
        if (hosts.isEmpty()) {
            throw RegistrationException.statement("redirect_hosts must list at least one host");
        }
        for (String host : hosts) {
            if (!HostNames.isPublicDnsName(host)) {
                throw RegistrationException.statement("redirect_hosts: \"" + host + "\" is not a public DNS name");
            }
            if (!HostNames.isWithin(host, sector)) {
                throw RegistrationException.statement("redirect_hosts: \"" + host + "\" is outside the statement's sector \""
                        + sector + "\"; a statement approves one sector");
            }
        }
        boolean raw = bool(claims, SoftwareStatement.RAW_LEERID);
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : string(claims, SoftwareStatement.SCOPE).split(" +")) {
            if (!SCOPE.matcher(scope).matches()) {
                throw RegistrationException.statement("scope: \"" + scope + "\" is not a scope name");
            }
            scopes.add(scope);
        }
        if (scopes.contains(SoftwareStatement.RAW_LEERID_SCOPE) && !raw) {
            throw RegistrationException.statement("scope " + SoftwareStatement.RAW_LEERID_SCOPE + " needs leerid_raw_id: true");
        }
        List<String> contacts = claims.getClaim(SoftwareStatement.CONTACTS) == null ? List.of()
                : strings(claims, SoftwareStatement.CONTACTS);
        for (String contact : contacts) {
            if (!HostNames.isEmailAddress(contact)) {
                throw RegistrationException.statement("contacts: \"" + contact + "\" is not an e-mail address");
            }
        }
        String policy = optionalUri(claims, SoftwareStatement.POLICY_URI, sector);
        String tos = optionalUri(claims, SoftwareStatement.TOS_URI, sector);
        ServiceAccess access;
        try {
            Object value = claims.getClaim(SoftwareStatement.ACCESS);
            access = ServiceAccess.of(value == null ? null : value instanceof String text ? text : "(not a string)");
        } catch (IllegalArgumentException e) {
            throw RegistrationException.statement(SoftwareStatement.ACCESS + ": must be \"open\", \"staff\" or \"school\"");
        }
        String receiver = null;
        if (claims.getClaim(SoftwareStatement.SIGNAL_RECEIVER) != null) {
            try {
                receiver = ReceiverEndpoint.parse(string(claims, SoftwareStatement.SIGNAL_RECEIVER)).toString();
            } catch (ReceiverEndpoint.Refused e) {
                throw RegistrationException.statement(SoftwareStatement.SIGNAL_RECEIVER + ": " + e.getMessage());
            }
        }
        return new SoftwareStatement(softwareId, name, kbo, sector, hosts, scopes, raw,
                bool(claims, SoftwareStatement.CLIENT_CREDENTIALS), contacts, policy, tos, expiresAt, token, access, receiver,
                bool(claims, SoftwareStatement.OFFLINE_ACCESS));
    }

    private static String string(JWTClaimsSet claims, String name) throws RegistrationException {
        Object value = claims.getClaim(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw RegistrationException.statement("the software_statement lacks " + name);
        }
        return text.trim();
    }

    private static List<String> strings(JWTClaimsSet claims, String name) throws RegistrationException {
        Object value = claims.getClaim(name);
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw RegistrationException.statement(name + " must be a list of strings");
                }
                result.add(text);
            }
            return result;
        }
        throw RegistrationException.statement("the software_statement lacks " + name + " (a list)");
    }

    private static boolean bool(JWTClaimsSet claims, String name) throws RegistrationException {
        Object value = claims.getClaim(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw RegistrationException.statement(name + " must be true or false");
    }

    private static String optionalUri(JWTClaimsSet claims, String name, String sector) throws RegistrationException {
        if (claims.getClaim(name) == null) {
            return null;
        }
        String uri = string(claims, name);
        if (!WebAddresses.isHttpsWithin(uri, sector)) {
            throw RegistrationException.statement(name + " must be an https URL within the sector " + sector);
        }
        return uri;
    }
}
