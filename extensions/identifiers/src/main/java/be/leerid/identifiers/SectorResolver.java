package be.leerid.identifiers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides the sector a client's pseudonyms are derived for (OIDC Core 1.0, section 8.1).
 *
 * <p>A configured sector wins. Otherwise an OIDC client's sector is the one host of its redirect
 * URIs and a SAML client's the host of its entity ID. Clients whose redirect URIs span several
 * hosts must configure a sector: guessing one would silently give a service two pseudonyms.
 */
public final class SectorResolver {

    private static final String SECTOR_ATTRIBUTE = ClientAttributes.SECTOR;

    private static final Pattern HOST_NAME = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$");

    // Every token and assertion resolves its client's sector; the host-name pattern was the largest
    // single share of LeerID's code in a userinfo call (JFR: 0.8 %). Sectors are few (one per service),
    // and only valid ones are remembered. One resolver per server: the LeerID provider factory owns it.
    private final Map<String, String> validConfigured = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    /**
     * @param configured   the client's configured sector, or null
     * @param rootUrl      the client's root URL, used to resolve relative redirect URIs; may be null
     * @param redirectUris the client's redirect URIs
     */
    public String forOidcClient(String configured, String rootUrl, Collection<String> redirectUris) {
        if (isSet(configured)) {
            return validConfigured(configured);
        }
        Set<String> hosts = new TreeSet<>();
        for (String redirectUri : redirectUris) {
            String host = host(resolve(rootUrl, redirectUri));
            if (host != null) {
                hosts.add(host);
            }
        }
        if (hosts.isEmpty()) {
            throw new SectorException("the client has no redirect URI with a host name; set the client attribute "
                    + SECTOR_ATTRIBUTE + " to the service's sector");
        }
        if (hosts.size() > 1) {
            throw new SectorException("the redirect URIs span several hosts " + hosts + "; set the client attribute "
                    + SECTOR_ATTRIBUTE + " to the one sector these hosts share (OpenID Connect Core 1.0, section 8.1)");
        }
        return hosts.iterator().next();
    }

    /**
     * @param configured the client's configured sector, or null
     * @param entityId   the SAML service provider's entity ID
     */
    public String forSamlClient(String configured, String entityId) {
        if (isSet(configured)) {
            return validConfigured(configured);
        }
        String host = host(entityId);
        if (host == null) {
            throw new SectorException("the entity ID has no host name; set the client attribute "
                    + SECTOR_ATTRIBUTE + " to the service's sector");
        }
        return host;
    }

    private String validConfigured(String configured) {
        String known = validConfigured.get(configured);
        if (known != null) {
            return known;
        }
        String sector = validate(configured);
        if (validConfigured.size() >= MAX_REMEMBERED) {
            validConfigured.clear();
        }
        validConfigured.put(configured, sector);
        return sector;
    }

    private static String validate(String configured) {
        String sector = configured.strip().toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(sector).matches()) {
            throw new SectorException("the client attribute " + SECTOR_ATTRIBUTE
                    + " must be a host or domain name such as smartschool.be");
        }
        return sector;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String resolve(String rootUrl, String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        if (uri.startsWith("/") && rootUrl != null && !rootUrl.isBlank()) {
            return rootUrl + uri;
        }
        return uri;
    }

    private static String host(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            // A trailing wildcard is Keycloak redirect URI syntax, not URI syntax.
            String host = new URI(uri.replace("*", "")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
