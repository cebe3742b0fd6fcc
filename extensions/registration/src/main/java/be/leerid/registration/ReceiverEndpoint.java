package be.leerid.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * A service's Shared Signals push receiver (RFC 8935) as an operator registers it: an absolute https URL without
 * credentials or fragment; plain http only on the loopback interface, for development.
 */
public final class ReceiverEndpoint {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Why an endpoint is refused, in words an operator reads. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    private ReceiverEndpoint() {
    }

    public static URI parse(String value) {
        if (value == null || value.isBlank()) {
            throw new Refused("endpoint is required: the receiver's URL");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new Refused("endpoint is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new Refused("endpoint must be an absolute URL with a host");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new Refused("endpoint must not carry credentials or a fragment");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT));
        if (!https && !loopbackHttp) {
            throw new Refused("endpoint must use https (plain http only on localhost)");
        }
        return uri;
    }
}
