package be.leerid.tests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.leerid.tools.http.LoginCookies;
import be.leerid.tools.http.LoginForm;

/**
 * A login through LeerID's login form over plain HTTP, for attacks a browser would be too slow for (many
 * attempts, in parallel), with the login's own {@link LoginCookies}.
 */
final class FormLogin {


    /** What the login form answered: a redirect (with a code, or an error) or a page. */
    record Outcome(int status, String location, String page) {

        boolean issuedCode() {
            return location != null && location.contains("code=") && !location.contains("error=");
        }

        /** The page's visible message (the login form's error), without markup. */
        String text() {
            return page == null ? "" : page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&#39;", "'").replaceAll("\\s+", " ");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoginCookies cookies = new LoginCookies();

    /** Opens the authorization request and submits the login form once. */
    static Outcome attempt(URI authorizationRequest, String username, String password) throws Exception {
        return new FormLogin().submit(authorizationRequest, username, password);
    }

    Outcome submit(URI authorizationRequest, String username, String password) throws Exception {
        HttpResponse<String> form = get(authorizationRequest);
        if (form.statusCode() != 200) {
            return new Outcome(form.statusCode(), form.headers().firstValue("Location").orElse(null), form.body());
        }
        URI action = LoginForm.action(form.body()).orElseThrow(() -> new AssertionError("no login form at " + authorizationRequest));
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Outcome(answer.statusCode(), answer.headers().firstValue("Location").orElse(null), answer.body());
    }

    /**
     * Opens the authorization request, asks the login page for the activation form ("Ik heb een
     * activatiebrief") and submits a username and an activation code once.
     */
    static Outcome activate(URI authorizationRequest, String username, String code) throws Exception {
        FormLogin login = new FormLogin();
        HttpResponse<String> page = login.get(authorizationRequest);
        URI action = LoginForm.action(page.body()).orElseThrow(() -> new AssertionError("no login form at " + authorizationRequest));
        HttpResponse<String> activation = login.post(action, "leerid_activate=");
        Matcher form = Pattern.compile("<form id=\"leerid-activate-form\"[^>]*action=\"([^\"]+)\"")
                .matcher(activation.body());
        if (!form.find()) {
            throw new AssertionError("no activation form: " + activation.statusCode() + " " + activation.body());
        }
        HttpResponse<String> answer = login.post(URI.create(form.group(1).replace("&amp;", "&")),
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&activation_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        return new Outcome(answer.statusCode(), answer.headers().firstValue("Location").orElse(null), answer.body());
    }

    private HttpResponse<String> post(URI action, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(cookies.onto(request).header("Accept-Language", "nl").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        cookies.keep(response);
        return response;
    }
}
