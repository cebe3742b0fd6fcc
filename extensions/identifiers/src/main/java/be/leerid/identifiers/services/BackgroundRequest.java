package be.leerid.identifiers.services;

import java.security.cert.X509Certificate;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.common.ClientConnection;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.http.HttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The request a background job acts for (a register sync that outlives its HTTP request): Keycloak's logout
 * machinery builds the logout tokens' issuer from the request's URI, and an admin event names the caller's
 * address, so a job's session gets the URI and connection of the request that started it, as Keycloak's own
 * brute-force detector does for its background work.
 */
public final class BackgroundRequest implements HttpRequest {

    private final UriInfo uri;
    private final ClientConnection connection;

    private BackgroundRequest(UriInfo uri, ClientConnection connection) {
        this.uri = uri;
        this.connection = connection;
    }

    /** The current request, read now, for a job to {@link #attach} later. */
    public static BackgroundRequest of(KeycloakSession session) {
        UriInfo uri = session.getContext().getUri();
        // KeycloakUriInfo computes these lazily: compute them while the request is still there.
        uri.getBaseUri();
        uri.getRequestUri();
        uri.getAbsolutePath();
        ClientConnection current = session.getContext().getConnection();
        return new BackgroundRequest(uri, new Connection(current.getRemoteAddr(), current.getRemoteHost(), current.getRemotePort(),
                current.getLocalAddr(), current.getLocalPort()));
    }

    /** Lets a job's session act for this request. */
    public void attach(KeycloakSession session) {
        session.getContext().setHttpRequest(this);
        session.getContext().setHttpResponse(new NoResponse());
        session.getContext().setConnection(connection);
    }

    /** The request's connection, as it was: the socket itself is gone when the job runs. */
    private record Connection(String remoteAddr, String remoteHost, int remotePort, String localAddr, int localPort)
            implements ClientConnection {

        @Override
        public String getRemoteAddr() {
            return remoteAddr;
        }

        @Override
        public String getRemoteHost() {
            return remoteHost;
        }

        @Override
        public int getRemotePort() {
            return remotePort;
        }

        @Override
        public String getLocalAddr() {
            return localAddr;
        }

        @Override
        public int getLocalPort() {
            return localPort;
        }
    }

    @Override
    public String getHttpMethod() {
        return "";
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return null;
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return null;
    }

    @Override
    public UriInfo getUri() {
        return uri;
    }

    @Override
    public boolean isProxyTrusted() {
        return true;
    }

    /** Nobody reads a background job's response (no cookies to set or expire). */
    private static final class NoResponse implements HttpResponse {
        @Override
        public int getStatus() {
            return -1;
        }

        @Override
        public void setStatus(int statusCode) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void setCookieIfAbsent(NewCookie cookie) {
        }
    }
}
