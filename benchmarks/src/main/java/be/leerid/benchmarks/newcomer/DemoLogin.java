package be.leerid.benchmarks.newcomer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import be.leerid.tools.http.LoginCookies;
import be.leerid.tools.http.LoginForm;

/**
 * The demo walk's first step as a browser without JavaScript does it: the demo service's login link, LeerID's login
 * page, the password form, back at the service, which shows what it received.
 */
final class DemoLogin {

    private final URI service;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new LoginCookies()).followRedirects(HttpClient.Redirect.ALWAYS).build();

    DemoLogin(URI service) {
        this.service = service;
    }

    /** Logs in and checks that the service's page shows the person; fails with what was answered otherwise. */
    void logIn(String username, String password, String shownName) throws Exception {
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(service.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString());
        URI action = LoginForm.action(loginPage.body())
                .orElseThrow(() -> new IllegalStateException("no login form after " + service + "/login: " + loginPage.statusCode()));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (back.statusCode() != 200 || !back.uri().toString().startsWith(service.toString()) || !back.body().contains(shownName)) {
            throw new IllegalStateException("the first login did not reach " + service + ": " + back.statusCode() + " at " + back.uri());
        }
    }
}
