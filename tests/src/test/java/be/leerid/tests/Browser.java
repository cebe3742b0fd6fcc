package be.leerid.tests;

import java.io.File;
import java.net.URI;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium: one browser is one person's session (cookies and all).
 *
 * <p>The services' hosts resolve to nothing, so a redirect to a service stops in the browser's
 * address bar where the test reads the code. JavaScript is off so the SAML POST form waits for
 * the test to read the SAMLResponse instead of posting it to the service.
 */
final class Browser implements AutoCloseable {

    static final String[] SERVICE_HOSTS = {"*.smartschool.be", "www.klascement.net", "onderwijs.hetarchief.be", "*.example.be"};

    private final WebDriver driver;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("leerid.chromium", "/usr/bin/chromium"));
        StringBuilder rules = new StringBuilder();
        for (String host : SERVICE_HOSTS) {
            rules.append(rules.isEmpty() ? "" : ", ").append("MAP ").append(host).append(" ~NOTFOUND");
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--blink-settings=scriptEnabled=false",
                "--host-resolver-rules=" + rules);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("leerid.chromedriver", "/usr/bin/chromedriver")))
                .build();
        // Dutch first, as LeerID's users see it.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nl,en"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Opens a URL; a redirect that ends at an unresolvable service host is not an error. */
    Browser open(URI uri) {
        try {
            driver.get(uri.toString());
        } catch (WebDriverException e) {
            if (!isAtServiceHost()) {
                throw e;
            }
        }
        return this;
    }

    boolean showsLoginForm() {
        return !driver.findElements(By.id("password")).isEmpty();
    }

    /** Fills Keycloak's username/password form and submits it. */
    Browser login(String username, String password) {
        if (!showsLoginForm()) {
            throw new AssertionError("expected the login form, got " + driver.getCurrentUrl() + "\n" + driver.getPageSource());
        }
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        try {
            driver.findElement(By.id("kc-login")).click();
        } catch (WebDriverException e) {
            if (!isAtServiceHost()) {
                throw e;
            }
        }
        return this;
    }

    /**
     * Waits until the browser has been sent back to the service with a code or an error. Reading
     * the address bar right after a click can still see the navigation in flight.
     */
    URI arrivalAt(URI redirectUri) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            String url = driver.getCurrentUrl();
            if (url.startsWith(redirectUri.toString()) && (url.contains("code=") || url.contains("error="))) {
                return URI.create(url);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the browser did not return to " + redirectUri + "; it is at " + url + "\n" + pageText());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    /** The visible text; a page still replacing itself is read again. */
    String pageText() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    String pageSource() {
        return driver.getPageSource();
    }

    String hiddenInput(String name) {
        return driver.findElement(By.name(name)).getAttribute("value");
    }

    private boolean isAtServiceHost() {
        String host = currentUri().getHost();
        return host != null && !host.equals("localhost");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
