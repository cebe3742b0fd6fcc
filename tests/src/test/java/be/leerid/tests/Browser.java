package be.leerid.tests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

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
        this(false, 1280);
    }

    /** A browser as people use it: JavaScript on, the given window width (CSS pixels). */
    static Browser withJavaScript(int width) {
        return new Browser(true, width);
    }

    /** A browser with JavaScript whose camera (allowed without asking) shows this video, as Chromium's fake camera does. */
    static Browser withCamera(Path video, int width) {
        return new Browser(true, width, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
    }

    private Browser(boolean javaScript, int width, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("leerid.chromium", "/usr/bin/chromium"));
        StringBuilder rules = new StringBuilder();
        for (String host : SERVICE_HOSTS) {
            rules.append(rules.isEmpty() ? "" : ", ").append("MAP ").append(host).append(" ~NOTFOUND");
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + ",900",
                "--host-resolver-rules=" + rules);
        if (!javaScript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("leerid.chromedriver", "/usr/bin/chromedriver")))
                .build();
        // Dutch first, as LeerID's users see it.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl,en"));
        // The console, where Chromium reports what the Content-Security-Policy blocked.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
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
        // Re-authentication (max_age, prompt=login) may show the known username instead of a field to type it in.
        for (WebElement user : driver.findElements(By.id("username"))) {
            if (user.isDisplayed() && user.isEnabled() && user.getAttribute("readonly") == null) {
                user.clear();
                user.sendKeys(username);
            }
        }
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement submit = driver.findElement(By.id("kc-login"));
        try {
            submit.click();
        } catch (WebDriverException e) {
            if (!isAtServiceHost()) {
                throw e;
            }
        }
        awaitNextPage(submit);
        return this;
    }

    /** Waits until the page that held this element is gone: a click may return before the next page has loaded. */
    private void awaitNextPage(WebElement onOldPage) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                onOldPage.isEnabled();
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchWindowException e) {
                return;
            } catch (WebDriverException e) {
                // The next page is an unresolvable service host (a code in the address bar): the old page is gone.
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the page did not change after the click: " + driver.getCurrentUrl());
    }

    /** Clicks "Aanmelden met eID" (or its words in the page's language) on LeerID's login page. */
    Browser signInWithEid() {
        if (!showsLoginForm()) {
            throw new AssertionError("expected the login page, got " + driver.getCurrentUrl() + "\n" + pageText());
        }
        WebElement button = driver.findElement(By.id("social-eid"));
        if (!button.getText().contains("eID")) {
            throw new AssertionError("the eID button says \"" + button.getText() + "\"");
        }
        button.click();
        return this;
    }

    /** On Keycloak's "Do you want to log out?" page: confirms, and waits for the page that says it is done. */
    Browser submitLogoutConfirmation() {
        await("kc-logout");
        WebElement confirm = driver.findElement(By.id("kc-logout"));
        confirm.click();
        awaitNextPage(confirm);
        return this;
    }

    /** Clicks an element by id (a demo service's button, say) and waits for the next page. */
    Browser click(String id) {
        try {
            driver.findElement(By.id(id)).click();
        } catch (WebDriverException e) {
            if (!isAtServiceHost()) {
                throw e;
            }
        }
        return this;
    }

    /** Waits until the page has an element with this id or name (a page arriving after redirects). */
    Browser await(String idOrName) {
        return await(idOrName, Duration.ofSeconds(15));
    }

    /** As {@link #await(String)}, for what takes longer on a busy machine (a camera starting and reading a code). */
    Browser await(String idOrName, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (driver.findElements(By.id(idOrName)).isEmpty() && driver.findElements(By.name(idOrName)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + idOrName + " at " + driver.getCurrentUrl() + ":\n" + pageText());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return this;
    }

    /** Picks a language in the login page's language switch (JavaScript on). */
    Browser chooseLanguage(String label) {
        Select languages = new Select(driver.findElement(By.id("login-select-toggle")));
        for (WebElement option : languages.getOptions()) {
            if (option.getText().contains(label)) {
                languages.selectByVisibleText(option.getText());
                return this;
            }
        }
        throw new AssertionError("no language " + label + " in the switch");
    }

    /** Submits Keycloak's SAML POST page, which waits for a click without JavaScript. */
    Browser submitSamlResponse() {
        await("SAMLResponse");
        driver.findElement(By.name("SAMLResponse")).submit();
        return this;
    }

    /** axe-core's WCAG 2.1 A/AA violations of impact serious or critical on the current page. */
    List<String> seriousAccessibilityViolations() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        List<String> violations = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            violations.add(String.valueOf(violation));
        }
        return violations;
    }

    /** Wider than the window: content that needs horizontal scrolling (WCAG 1.4.10 reflow). */
    boolean scrollsHorizontally() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        return Boolean.TRUE.equals(overflow);
    }

    void zoom(int percent) {
        ((JavascriptExecutor) driver).executeScript("document.body.style.zoom = arguments[0];", percent + "%");
    }

    /** Types into whatever has the keyboard focus, as someone without a mouse would. */
    Browser type(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
        return this;
    }

    /** Saves a screenshot as tests/target/screenshots/NAME.png (for the README). */
    void screenshot(String name) throws IOException {
        Path directory = RepositoryFiles.root().resolve("tests/target/screenshots");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static String axeSource() throws IOException {
        Properties packaging = new Properties();
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IOException("axe-core is not on the test classpath");
            }
            packaging.load(in);
        }
        String resource = "/META-INF/resources/webjars/axe-core/" + packaging.getProperty("version") + "/axe.min.js";
        try (InputStream in = Browser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("axe-core not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What LeerID's Content-Security-Policy blocked since the last call, as Chromium's console reported it. */
    List<String> policyViolations() {
        List<String> blocked = new ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                blocked.add(entry.getMessage());
            }
        }
        return blocked;
    }

    /** The address a link on the page leads to. */
    String linkOf(String id) {
        return driver.findElement(By.id(id)).getAttribute("href");
    }

    String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    boolean showsCardPicker() {
        return driver.getCurrentUrl().startsWith(EidSimulator.ISSUER.toString()) && !driver.findElements(By.id("fault")).isEmpty();
    }

    /** At the eID simulator: picks a card holder, the means of authentication and a defect for the ID token. */
    Browser pickCard(String cardHolder, String means, String fault) {
        if (!showsCardPicker()) {
            throw new AssertionError("expected the eID simulator's card picker, got " + driver.getCurrentUrl() + "\n" + pageText());
        }
        new Select(driver.findElement(By.id("means"))).selectByValue(means);
        new Select(driver.findElement(By.id("fault"))).selectByValue(fault);
        WebElement card = driver.findElement(By.id("card-" + cardHolder));
        try {
            card.click();
        } catch (WebDriverException e) {
            if (!isAtServiceHost()) {
                throw e;
            }
        }
        // The click may return while the simulator's page is still shown: read nothing from it.
        awaitNextPage(card);
        return this;
    }

    Browser pickCard(String cardHolder) {
        return pickCard(cardHolder, "eid", "none");
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

    /** The visible text; a page still loading or replacing itself is read again. */
    String pageText() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                if (attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Types a value into the field with this id (after clearing it). */
    Browser fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Submits the form the field with this id belongs to, as pressing Enter there would. */
    Browser submit(String id) {
        WebElement field = driver.findElement(By.id(id));
        try {
            field.submit();
        } catch (WebDriverException e) {
            if (!isAtServiceHost()) {
                throw e;
            }
        }
        // The next page may hold a field of the same id (a wrong code shows the form again): wait until this one is gone.
        awaitNextPage(field);
        return this;
    }

    /** Puts the keyboard focus on the element with this id, as tabbing to it would. */
    /** Runs JavaScript in the page and returns its result. */
    Object script(String javaScript) {
        return ((JavascriptExecutor) driver).executeScript(javaScript);
    }

    Browser focus(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).focus();", id);
        return this;
    }

    String valueOf(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    /** The cookies LeerID set in this browser (name to value), to continue its session over plain HTTP. */
    Map<String, String> cookies() {
        Map<String, String> cookies = new HashMap<>();
        driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        return cookies;
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
