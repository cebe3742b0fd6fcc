package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.Keys;

/**
 * Young learners log in with the QR badge their school printed: held to the camera, typed, or scanned; voided when
 * lost; only on the school's networks when the school says so; never enough for more than the badge level.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class BadgeLoginIT extends LeerIdTestBase {

    static final String BADGE_ACR = "urn:be:leerid:acr:badge";
    static final String WRONG = "Deze badge werkt niet";

    /** What the cards say, read back from the PDF, and what their QR codes hold. */
    record Cards(String text, List<String> codes) {
    }

    @Test
    void aChildHoldsTheBadgeToTheCameraAndLandsInSmartschoolUnderTheSamePseudonym() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = new Browser()) {
            accounts.staff("badge.coordinator", "20000991", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String lien = accounts.learner("lien.eerste", "10002951", SchoolAccounts.SINT_JOZEF, "1A", "1");
            accounts.learner("tuur.eerste", "10002952", SchoolAccounts.SINT_JOZEF, "1A", "1");
            accounts.learner("oud.vijfde", "10002953", SchoolAccounts.SINT_JOZEF, "5A", "5");
            ConsoleHttp console = console(coordinator);

            ConsoleHttp.Reply pdf = console.post("012345/badges", Map.of("form_token", console.formToken("012345"), "class", "1A", "grade", ""));
            assertEquals(200, pdf.status(), pdf.text());
            assertEquals("application/pdf", pdf.contentType());
            Cards cards = read(pdf.body());
            assertEquals(2, cards.codes().size(), "one card for each learner of 1A");
            assertTrue(cards.text().contains("Lien") && cards.text().contains("Tuur") && cards.text().contains("Klas 1A"), cards.text());
            assertFalse(cards.text().contains("Leerling"), "no family name on a badge: " + cards.text());
            // Fifth grade does not use badges by default: the whole school's print leaves it out.
            ConsoleHttp.Reply grade5 = console.post("012345/badges", Map.of("form_token", console.formToken("012345"), "class", "5A", "grade", ""));
            assertTrue(grade5.text().contains("Geen leerlingen gevonden in een leerjaar met badges"), grade5.text());

            assertEquals(2, cards.codes().stream().distinct().count(), "every card its own badge");
            // Lien's card is lost: a new one for her alone; the class print's card stops working.
            String lienCode = read(console.post("012345/badges/people/" + lien, Map.of("form_token", console.formToken("012345"))).body()).codes().get(0);
            assertFalse(cards.codes().contains(lienCode));
            int stillWorking = 0;
            for (String old : cards.codes()) {
                stillWorking += badgeWorks(oidc("smartschool"), old) ? 1 : 0;
            }
            assertEquals(1, stillWorking, "Tuur's card works, Lien's old one no longer");
            OidcService smartschool = oidc("smartschool");
            OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
            try (Browser child = Browser.withCamera(FakeCamera.showing(lienCode), 1280)) {
                child.open(login.requestUri).click("leerid-badge").await("leerid-badge-yes", Duration.ofSeconds(60));
                assertTrue(child.pageText().contains("Ben jij Lien?"), child.pageText());
                // Camera, QR decoding and the badge script all run under LeerID's Content-Security-Policy.
                assertEquals(List.of(), child.policyViolations());
                child.click("leerid-badge-yes");
                OidcService.Tokens tokens = login.redeem(child);
                assertEquals(DEV_DERIVER.derive("smartschool.be", "10002951"), tokens.idToken().getSubject().getValue(),
                        "the same pseudonym as after a password login");
                assertEquals(BADGE_ACR, tokens.idToken().getACR().getValue());
            }
            // A refused badge still in front of the camera is not sent again and again.
            String unknown = "ZZZZ-ZZZZ" + lienCode.substring(9);
            try (Browser child = Browser.withCamera(FakeCamera.showing(unknown), 1280)) {
                child.open(smartschool.login(SINT_JOZEF, "openid").requestUri).click("leerid-badge");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!child.pageText().contains(WRONG) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(child.pageText().contains(WRONG), child.pageText());
                child.script("window.leeridSamePage = true;");
                long watch = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < watch) {
                    assertEquals(Boolean.TRUE, child.script("return window.leeridSamePage === true;"), "the refused badge was sent again");
                    Thread.sleep(200);
                }
                assertTrue(child.textOf("leerid-badge-camera-status").contains("Ik kijk naar je badge"), "the camera kept looking");
            }
        }
        assertNoBadgeCodeInTheLog();
    }

    @Test
    void typedCodeVoidingStepUpTheArchiveAndBruteForce() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = new Browser()) {
            accounts.staff("badge.coordinator2", "20000992", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String wout = accounts.learner("wout.tweede", "10002961", SchoolAccounts.SINT_JOZEF, "2B", "2");
            ConsoleHttp console = console(coordinator);
            String code = read(console.post("012345/badges/people/" + wout, Map.of("form_token", console.formToken("012345"))).body()).codes().get(0);
            OidcService smartschool = oidc("smartschool");

            try (Browser child = new Browser()) {
                // Typed by the teacher, in lower case with spaces: a wrong child first, then "Niet jij?".
                OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
                child.open(login.requestUri).click("leerid-badge").await("leerid-badge-back")
                        .fill("badge_code", code.toLowerCase().replace('-', ' ')).submit("badge_code").await("leerid-badge-no");
                assertTrue(child.pageText().contains("Ben jij Wout?"), child.pageText());
                child.click("leerid-badge-no").await("badge_code")
                        .fill("badge_code", code).submit("badge_code").await("leerid-badge-yes").click("leerid-badge-yes");
                assertEquals(BADGE_ACR, login.redeem(child).idToken().getACR().getValue());

                // A service that asks for the password level: the badge session is sent to the password form.
                OidcService.Login stepUp = smartschool.login(SINT_JOZEF, "openid", EidLoginIT.PASSWORD_ACR);
                child.open(stepUp.requestUri);
                assertTrue(child.showsLoginForm(), child.pageText());
                assertFalse(child.has("leerid-badge"), "no badge where a password is asked");

                // The archive (staff only) never accepts a badge session.
                child.open(archief().authnRequest().browserUri());
                assertTrue(child.pageText().contains("alleen voor personeelsleden"), child.pageText());

                // The badge is lost: voided in the console, its session ends and the code stops at once.
                ConsoleHttp.Reply voided = console.post("012345/badges/people/" + wout + "/void", Map.of("form_token", console.formToken("012345")));
                assertEquals(303, voided.status(), voided.text());
                child.open(smartschool.login(SINT_JOZEF, "openid").requestUri);
                assertTrue(child.showsLoginForm(), "the badge's session is gone: " + child.pageText());
                child.click("leerid-badge").await("leerid-badge-back").fill("badge_code", code).submit("badge_code").await("badge_code");
                assertTrue(child.pageText().contains(WRONG), child.pageText());
            }

            // An unknown badge gets the same answer as a voided one; wrong tries lock that badge, even for its right code.
            String fresh = read(console.post("012345/badges/people/" + wout, Map.of("form_token", console.formToken("012345"))).body()).codes().get(0);
            String unknown = "ZZZZ-ZZZZ" + fresh.substring(9);
            String wrongSecret = fresh.substring(0, fresh.length() - 2) + (fresh.endsWith("00") ? "11" : "00");
            try (Browser child = new Browser()) {
                child.open(smartschool.login(SINT_JOZEF, "openid").requestUri).click("leerid-badge").await("leerid-badge-back");
                child.fill("badge_code", unknown).submit("badge_code").await("badge_code");
                assertTrue(child.pageText().contains(WRONG), child.pageText());
                for (int attempt = 0; attempt < 5; attempt++) {
                    child.fill("badge_code", wrongSecret).submit("badge_code").await("badge_code");
                    assertTrue(child.pageText().contains(WRONG), "the same answer as for an unknown badge: " + child.pageText());
                }
                child.fill("badge_code", fresh).submit("badge_code").await("badge_code");
                assertTrue(child.pageText().contains(WRONG), "locked after five wrong tries: " + child.pageText());
            }
        }
        assertNoBadgeCodeInTheLog();
    }

    @Test
    void aSchoolThatRestrictsBadgesToItsNetworksRefusesThemElsewhereAndAnotherSchoolChangesNothing() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = new Browser(); Browser other = new Browser()) {
            accounts.staff("badge.coordinator3", "20000993", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String mo = accounts.learner("mo.kleuter", "10002971", SchoolAccounts.SINT_JOZEF, "K3A", "K3");
            ConsoleHttp console = console(coordinator);
            String code = read(console.post("012345/badges/people/" + mo, Map.of("form_token", console.formToken("012345"))).body()).codes().get(0);
            OidcService smartschool = oidc("smartschool");
            try {
                // A line that is not a range: a precise error, nothing saved.
                ConsoleHttp.Reply bad = console.post("012345/badges/settings", Map.of("form_token", console.formToken("012345"),
                        "grades", "K1, K2, K3, 1, 2", "networks", "10.0.0.0/8\nschool.example"));
                assertEquals(400, bad.status());
                assertTrue(bad.text().contains("Regel 2 van de netwerken is geen adresbereik"), bad.text());
                assertTrue(badgeWorks(smartschool, code), "nothing changed: the badge still works from here");

                ConsoleHttp.Reply saved = console.post("012345/badges/settings", Map.of("form_token", console.formToken("012345"),
                        "grades", "K1, K2, K3, 1, 2", "networks", "10.0.0.0/8\n2001:db8:12::/48"));
                assertEquals(303, saved.status(), saved.text());
                try (Browser child = new Browser()) {
                    child.open(smartschool.login(SINT_JOZEF, "openid").requestUri).click("leerid-badge").await("leerid-badge-back")
                            .fill("badge_code", code).submit("badge_code").await("leerid-badge-back");
                    assertTrue(child.pageText().contains("Je badge werkt alleen op school"), child.pageText());
                }

                // Another school's coordinator (Jan Claes, 067890; only a teacher at 012345): cannot change these settings,
                // print or void this learner's badge.
                ConsoleHttp stranger = new ConsoleHttp(URI.create(realm.getBaseUrl()), eidConsole(other, EidSimulator.JAN_CLAES));
                String token = stranger.formToken("067890");
                assertEquals(403, stranger.post("012345/badges/settings", Map.of("form_token", token, "grades", "", "networks", "")).status());
                assertEquals(404, stranger.post("067890/badges/people/" + mo, Map.of("form_token", token)).status());
                assertEquals(404, stranger.post("067890/badges/people/" + mo + "/void", Map.of("form_token", token)).status());
                assertEquals(403, stranger.post("012345/badges/people/" + mo + "/void", Map.of("form_token", token)).status());
                assertTrue(console.get("012345/badges").text().contains("10.0.0.0/8"), "the settings are unchanged");

                console.post("012345/badges/settings", Map.of("form_token", console.formToken("012345"),
                        "grades", "K1, K2, K3, 1, 2", "networks", "127.0.0.0/8\n::1/128"));
                assertTrue(badgeWorks(smartschool, code), "from the school's own network, and the badge was never voided");
            } finally {
                console.post("012345/badges/settings", Map.of("form_token", console.formToken("012345"), "grades", "K1, K2, K3, 1, 2", "networks", ""));
            }
        }
    }

    @Test
    void theBadgePageWithoutACameraIsAccessibleAndWorksByKeyboardAt320Pixels() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = Browser.withJavaScript(1280)) {
            accounts.staff("badge.coordinator4", "20000994", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String noor = accounts.learner("noor.eerste", "10002981", SchoolAccounts.SINT_JOZEF, "1B", "1");
            ConsoleHttp console = console(coordinator);
            assertTrue(console.get("012345/?q=noor.eerste").text().contains("Nog nooit aangemeld"));
            coordinator.open(console.at("012345/badges")).await("leerid-school-badge-print");
            assertTrue(coordinator.pageText().contains("Leerjaren met badges"), coordinator.pageText());
            assertEquals(List.of(), coordinator.seriousAccessibilityViolations());
            assertEquals(List.of(), coordinator.policyViolations());
            coordinator.screenshot("school-console-badges");
            String code = read(console.post("012345/badges/people/" + noor, Map.of("form_token", console.formToken("012345"))).body()).codes().get(0);

            OidcService.Login login = oidc("smartschool").login(SINT_JOZEF, "openid");
            try (Browser child = Browser.withJavaScript(320)) {
                child.open(login.requestUri).await("leerid-badge");
                assertEquals(List.of(), child.seriousAccessibilityViolations());
                child.click("leerid-badge").await("badge_code");
                // No camera on this machine: the page says so and the typed-code field takes the focus.
                child.await("leerid-badge-camera-status");
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!child.textOf("leerid-badge-camera-status").contains("geen camera") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(child.textOf("leerid-badge-camera-status").contains("geen camera"), child.pageText());
                assertEquals(List.of(), child.seriousAccessibilityViolations());
                assertFalse(child.scrollsHorizontally(), "the badge page fits 320 pixels");
                child.screenshot("badge-no-camera");
                // A hand scanner types the code and Enter.
                child.focus("badge_code").type(code, Keys.ENTER).await("leerid-badge-yes");
                assertEquals(List.of(), child.seriousAccessibilityViolations());
                child.type(Keys.ENTER);
                assertEquals(BADGE_ACR, login.redeem(child).idToken().getACR().getValue());
            }
            // The console shows the day of the last login (Belgian time; a run across midnight may see either day).
            String row = console.get("012345/?q=noor.eerste").text();
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
            assertTrue(row.contains("Laatst aangemeld op " + today) || row.contains("Laatst aangemeld op " + today.minusDays(1)), row);
        }
    }

    /** A school gets a new institution number: its badge settings and printed badges go with it and keep working. */
    @Test
    void aRenumberedSchoolsBadgesKeepWorking() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = new Browser();
             AdminApiClient operator = AdminApiClient.withRealmRole(realm, "test-renumber-badges", "register-sync")) {
            accounts.staff("badge.coordinator5", "20000995", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String jens = accounts.learner("jens.kleuter", "10002991", SchoolAccounts.SINT_JOZEF, "K2A", "K2");
            ConsoleHttp console = console(coordinator);
            console.post("012345/badges/settings", Map.of("form_token", console.formToken("012345"), "grades", "K2", "networks", "127.0.0.0/8\n::1/128"));
            String code = read(console.post("012345/badges/people/" + jens, Map.of("form_token", console.formToken("012345"))).body()).codes().get(0);
            HttpResponse<String> renumbered = renumber("012345", "012399");
            try {
                assertEquals(200, renumbered.statusCode(), renumbered.body());
                assertTrue(renumbered.body().contains("\"badges\":1"), renumbered.body());
                Map<String, String> settings = realm.admin().toRepresentation().getAttributes();
                assertEquals("K2", settings.get("leerid.badges.012399.grades"), settings.toString());
                assertFalse(settings.containsKey("leerid.badges.012345.grades"), settings.toString());
                // The register's next feed moves the enrolment: the badge works at the new number.
                accounts.update(jens, Map.of("school", List.of("012399"), "enrolment", List.of("012399:K2:K2A")));
                assertTrue(badgeWorks(oidc("smartschool"), code));
            } finally {
                accounts.update(jens, Map.of("school", List.of("012345"), "enrolment", List.of("012345:K2:K2A")));
                assertEquals(200, renumber("012399", "012345").statusCode());
                console.post("012345/badges/settings", Map.of("form_token", console.formToken("012345"), "grades", "K1, K2, K3, 1, 2", "networks", ""));
            }
        }
    }

    private HttpResponse<String> renumber(String from, String to) throws Exception {
        String token = RegisterClient.clientCredentialsToken(provider().getTokenEndpointURI(), "test-renumber-badges",
                "test-renumber-badges-secret-not-for-production");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/leerid-school-numbers/" + from
                        + "/renumber?to=" + to)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean badgeWorks(OidcService smartschool, String code) throws Exception {
        OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
        try (Browser child = new Browser()) {
            child.open(login.requestUri).click("leerid-badge").await("leerid-badge-back").fill("badge_code", code).submit("badge_code");
            if (!child.has("leerid-badge-yes")) {
                return false;
            }
            child.click("leerid-badge-yes");
            return BADGE_ACR.equals(login.redeem(child).idToken().getACR().getValue());
        }
    }

    private ConsoleHttp console(Browser browser) {
        return new ConsoleHttp(URI.create(realm.getBaseUrl()), eidConsole(browser, EidSimulator.PIET_ONBEKEND));
    }

    private Map<String, String> eidConsole(Browser browser, String cardHolder) {
        browser.open(URI.create(realm.getBaseUrl() + "/school/")).signInWithEid().pickCard(cardHolder).await("leerid-school-people");
        return browser.cookies();
    }

    /** The cards' text, and every QR code on them decoded, in page order. */
    static Cards read(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> codes = new ArrayList<>();
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                Result[] found;
                try {
                    found = decodeAll(renderer.renderImageWithDPI(page, 300));
                } catch (com.google.zxing.NotFoundException e) {
                    // ZXing misses a rare code at one resolution; a printer or a camera gives another.
                    found = decodeAll(renderer.renderImageWithDPI(page, 400));
                }
                for (Result result : found) {
                    codes.add(result.getText());
                }
            }
            return new Cards(new PDFTextStripper().getText(document), codes);
        }
    }

    private static Result[] decodeAll(BufferedImage image) throws com.google.zxing.NotFoundException {
        return new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    private static void assertNoBadgeCodeInTheLog() throws Exception {
        String log = Files.readString(LeerIdServerConfig.SERVER_LOG);
        assertFalse(log.matches("(?s).*(?<![0-9A-Za-z-])([0-9A-Z]{4}-){8}[0-9A-Z]{2}(?![0-9A-Za-z-]).*"), "a badge code is in the server log");
    }
}
