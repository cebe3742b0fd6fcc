package be.leerid.registration;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The only kind of address LeerID accepts from a provider: absolute https, a public DNS host, no user
 * info, no fragment, no wildcard, default port. LeerID never fetches such addresses itself.
 */
final class WebAddresses {

    private WebAddresses() {
    }

    /** @return null if acceptable, otherwise why not */
    static String problem(String address) {
        if (address == null || address.isBlank()) {
            return "is empty";
        }
        if (address.length() > 2000) {
            return "is longer than 2000 characters";
        }
        if (address.contains("*")) {
            return "contains a wildcard";
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return "is not a valid URI";
        }
        if (!"https".equals(uri.getScheme())) {
            return "must use https";
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            return "must not contain a user name or password";
        }
        if (uri.getRawFragment() != null || address.contains("#")) {
            return "must not contain a fragment";
        }
        String host = uri.getHost();
        if (host == null) {
            return "has no host name";
        }
        if (!HostNames.isPublicDnsName(host)) {
            return "must name a public DNS host (no IP address, no localhost, lower case ASCII; internationalised names in their xn-- form)";
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            return "must use the default https port";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(java.util.Locale.ROOT);
        if (path.contains("/../") || path.endsWith("/..") || path.contains("%2e") || path.contains("%2f") || path.contains(";")) {
            return "must not contain dot segments, encoded separators or path parameters";
        }
        return null;
    }

    static boolean isHttpsWithin(String address, String domain) {
        if (problem(address) != null) {
            return false;
        }
        return HostNames.isWithin(URI.create(address).getHost(), domain);
    }
}
