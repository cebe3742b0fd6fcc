package be.leerid.tests;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cookies of one login over plain HTTP on loopback. Keycloak's cookies are Secure, which Java's own
 * cookie handling would not send over http, so the tests keep them themselves.
 */
final class LoginCookies {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Adds the Cookie header to a request, if there are cookies. */
    HttpRequest.Builder onto(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    /** Keeps what the response set. */
    void keep(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
    }
}
