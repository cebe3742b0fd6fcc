package be.leerid.tools.http;

import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies of one login over plain HTTP on loopback, for the tests, the cluster tests and the
 * benchmarks. Keycloak's cookies are Secure; browsers send those to http://localhost (a secure context),
 * Java's own cookie handling does not, so the jar keeps every cookie for the one server it talks to.
 * Use it by hand ({@link #onto}, {@link #keep}) or as an {@link java.net.http.HttpClient}'s cookie handler.
 */
public final class LoginCookies extends CookieHandler {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Adds the Cookie header to a request, if there are cookies. */
    public HttpRequest.Builder onto(HttpRequest.Builder request) {
        header().ifPresent(value -> request.header("Cookie", value));
        return request;
    }

    /** Keeps what the response set. */
    public void keep(HttpResponse<?> response) {
        keep(response.headers().allValues("Set-Cookie"));
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        return header().map(value -> Map.of("Cookie", List.of(value))).orElse(Map.of());
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
                keep(values);
            }
        });
    }

    private synchronized void keep(List<String> setCookies) {
        for (String cookie : setCookies) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
    }

    private synchronized Optional<String> header() {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return Optional.of(header.toString());
    }
}
