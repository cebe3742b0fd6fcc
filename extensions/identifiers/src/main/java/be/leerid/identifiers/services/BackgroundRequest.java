package be.leerid.identifiers.services;

import java.security.cert.X509Certificate;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.http.HttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The request a background job acts for (a register sync that outlives its HTTP request): Keycloak's logout
 * machinery builds the logout tokens' issuer from the request's URI, so a job's session gets the URI of the request
 * that started it, as Keycloak's own brute-force detector does for its background work.
 */
public final class BackgroundRequest implements HttpRequest {

    private final UriInfo uri;

    private BackgroundRequest(UriInfo uri) {
        this.uri = uri;
    }

    /** The URI of the current request, read now, for a job to {@link #attach} later. */
    public static UriInfo snapshot(KeycloakSession session) {
        UriInfo uri = session.getContext().getUri();
        // KeycloakUriInfo computes these lazily: compute them while the request is still there.
        uri.getBaseUri();
        uri.getRequestUri();
        uri.getAbsolutePath();
        return uri;
    }

    /** Lets the job's session act for the request {@code uri} was taken from. */
    public static void attach(KeycloakSession session, UriInfo uri) {
        session.getContext().setHttpRequest(new BackgroundRequest(uri));
        session.getContext().setHttpResponse(new NoResponse());
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
