package be.leerid.tests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The school console over plain HTTP, in the session a {@link Browser} logged in: what a person with
 * that browser's cookies could send by hand (other ids in paths, forms without their token). Never
 * follows redirects, so each answer is seen as it is.
 */
final class ConsoleHttp {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

    record Reply(int status, String location, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String cookieHeader;
    private final URI console;

    ConsoleHttp(URI realmUrl, Map<String, String> cookies) {
        this.console = URI.create(realmUrl + "/school/");
        this.cookieHeader = cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    URI at(String path) {
        return console.resolve(path);
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(at(path)).GET());
    }

    Reply post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(at(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The form token of the school's page, as the caller's own page carries it. */
    String formToken(String school) throws Exception {
        Reply page = get(school + "/");
        Matcher token = FORM_TOKEN.matcher(page.text());
        if (page.status() != 200 || !token.find()) {
            throw new AssertionError("no console page for school " + school + ": " + page.status() + " " + page.location());
        }
        return token.group(1);
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.header("Cookie", cookieHeader).header("Accept-Language", "nl")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
