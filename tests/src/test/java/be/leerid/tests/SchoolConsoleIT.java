package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.oauth2.sdk.ErrorObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import jakarta.ws.rs.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.Keys;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * A school gets its learners in: the coordinator logs in with eID, prints activation letters, a learner
 * activates with the code and chooses a password, and lands in the service; the school resets and unlocks.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class SchoolConsoleIT extends LeerIdTestBase {

    /** A printed activation code; not a run of digits inside a UUID (8233-4283-9985 in 908bc6d7-8233-4283-9985-cd31f9358261). */
    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z-])[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}(?![0-9A-Za-z-])");
    static final String WRONG = "Die gebruikersnaam en code horen niet bij elkaar";

    /** A letter as read back from the PDF: the username and code printed, the address in the QR code. */
    record Letter(String text, String username, String code, URI qr) {
    }

    @Test
    void coordinatorPrintsLettersAndLearnersActivateOnceBeforeTheyExpire() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = Browser.withJavaScript(1280)) {
            accounts.staff("console.coordinator", "20000901", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            accounts.learner("bram.vijfb", "10000901", SchoolAccounts.SINT_JOZEF, "5B", "5");
            accounts.learner("sara.vijfb", "10000902", SchoolAccounts.SINT_JOZEF, "5B", "5");
            accounts.learner("ander.klas", "10000903", SchoolAccounts.SINT_JOZEF, "5A", "5");

            coordinator.open(URI.create(realm.getBaseUrl() + "/school/")).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND).await("leerid-school-people");
            assertTrue(coordinator.currentUri().getPath().endsWith("/school/012345/"), coordinator.currentUri().toString());
            assertTrue(coordinator.pageText().contains("bram.vijfb"), coordinator.pageText());
            assertEquals(List.of(), coordinator.seriousAccessibilityViolations());
            coordinator.screenshot("school-console");

            ConsoleHttp console = new ConsoleHttp(URI.create(realm.getBaseUrl()), coordinator.cookies());
            // Dutch first; French, English and German too.
            for (String[] language : new String[][] {{"fr", "Rechercher des élèves"}, {"en", "Find learners and staff"},
                    {"de", "Schüler und Personal suchen"}, {"nl", "Leerlingen en personeel zoeken"}}) {
                String page = console.get("012345/?kc_locale=" + language[0]).text();
                assertTrue(page.contains(language[1]), language[0] + ": " + page);
            }
            ConsoleHttp.Reply pdf = console.post("012345/letters", Map.of("form_token", console.formToken("012345"), "class", "5B", "grade", ""));
            assertEquals(200, pdf.status(), pdf.text());
            assertEquals("application/pdf", pdf.contentType());
            List<Letter> letters = read(pdf.body());
            // Lotte (5B) has a password already; 5A is another class.
            assertEquals(List.of("bram.vijfb", "sara.vijfb"), letters.stream().map(Letter::username).toList());
            for (Letter letter : letters) {
                assertEquals(URI.create(realm.getBaseUrl() + "/school/activate?username=" + letter.username()), letter.qr());
                assertTrue(letter.text().contains("5B"), letter.text());
            }

            // Bram activates from Smartschool's login page and lands in Smartschool.
            OidcService smartschool = oidc("smartschool");
            try (Browser bram = new Browser()) {
                OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
                bram.open(login.requestUri).click("leerid-activate").await("activation_code")
                        .fill("username", "bram.vijfb").fill("activation_code", letters.get(0).code().toLowerCase()).submit("activation_code")
                        .await("password-new").fill("password-new", "Mijn-eigen-wachtwoord-1").fill("password-confirm", "Mijn-eigen-wachtwoord-1")
                        .submit("password-confirm");
                OidcService.Tokens tokens = login.redeem(bram);
                assertEquals(DEV_DERIVER.derive("smartschool.be", "10000901"), tokens.idToken().getSubject().getValue());
            }
            assertTrue(FormLogin.attempt(smartschool.login(SINT_JOZEF, "openid").requestUri, "bram.vijfb", "Mijn-eigen-wachtwoord-1").issuedCode());
            // The same code again: refused, like any wrong code.
            FormLogin.Outcome again = FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "bram.vijfb", letters.get(0).code());
            assertFalse(again.issuedCode());
            assertTrue(again.text().contains(WRONG), again.text());

            // Sara scans the QR code: the activation form opens with her username filled in.
            try (Browser sara = Browser.withJavaScript(1280)) {
                sara.open(letters.get(1).qr()).await("activation_code");
                assertEquals("sara.vijfb", sara.valueOf("username"));
                assertEquals(List.of(), sara.seriousAccessibilityViolations());
                sara.fill("activation_code", letters.get(1).code()).submit("activation_code")
                        .await("password-new").fill("password-new", "sara.vijfb").fill("password-confirm", "sara.vijfb").submit("password-confirm");
                assertTrue(sara.pageText().contains("gebruikersnaam"), "the password policy refuses the username: " + sara.pageText());
                sara.fill("password-new", "Zonnebloem-2026").fill("password-confirm", "Zonnebloem-2026").submit("password-confirm")
                        .await("leerid-school-message");
                assertTrue(sara.pageText().contains("Klaar! Je LeerID werkt."), sara.pageText());
            }

            // A letter whose code is past its 14 days: refused.
            ConsoleHttp.Reply late = console.post("012345/letters", Map.of("form_token", console.formToken("012345"), "class", "5A", "grade", ""));
            Letter lateLetter = read(late.body()).get(0);
            try {
                SchoolAccounts.moveServerClock(realm.getBaseUrl().replaceAll("/realms/.*", ""), 15 * 24 * 3600);
                FormLogin.Outcome expired = FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "ander.klas", lateLetter.code());
                assertFalse(expired.issuedCode());
                assertTrue(expired.text().contains(WRONG), expired.text());
            } finally {
                SchoolAccounts.moveServerClock(realm.getBaseUrl().replaceAll("/realms/.*", ""), 0);
            }
        }
        String log = Files.readString(LeerIdServerConfig.SERVER_LOG);
        assertFalse(CODE.matcher(log).find(), "an activation code is in the server log");
        assertFalse(log.contains("Mijn-eigen-wachtwoord-1") || log.contains("Zonnebloem-2026"), "a password is in the server log");
    }

    @Test
    void aResetEndsEverySessionAndTheOldPasswordAndTheNewLetterWorks() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = new Browser()) {
            accounts.staff("reset.coordinator", "20000911", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String learner = createLearner("reset.leerling", "Oud-wachtwoord-1", "10000911");
            OidcService smartschool = oidc("smartschool");
            OidcService.Tokens tokens;
            try (Browser child = new Browser()) {
                OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
                child.open(login.requestUri).login("reset.leerling", "Oud-wachtwoord-1");
                tokens = login.redeem(child);
            }
            ConsoleHttp console = console(coordinator);
            ConsoleHttp.Reply letter = console.post("012345/people/" + learner + "/reset", Map.of("form_token", console.formToken("012345")));
            assertEquals(200, letter.status(), letter.text());
            Letter reset = read(letter.body()).get(0);
            assertEquals("reset.leerling", reset.username());

            Object refreshed = smartschool.refresh(tokens);
            assertTrue(refreshed instanceof ErrorObject error && "invalid_grant".equals(error.getCode()), String.valueOf(refreshed));
            assertTrue(realm.admin().users().get(learner).getUserSessions().isEmpty());
            assertFalse(FormLogin.attempt(smartschool.login(SINT_JOZEF, "openid").requestUri, "reset.leerling", "Oud-wachtwoord-1").issuedCode(),
                    "the old password still works");
            try (Browser child = new Browser()) {
                OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
                child.open(login.requestUri).click("leerid-activate").await("activation_code")
                        .fill("username", "reset.leerling").fill("activation_code", reset.code()).submit("activation_code")
                        .await("password-new").fill("password-new", "Nieuw-wachtwoord-1").fill("password-confirm", "Nieuw-wachtwoord-1")
                        .submit("password-confirm");
                login.redeem(child);
            }
            // The console records who did it, for which school, on which account; never the code. The ministry's
            // operators (leerid-audit) read it through Keycloak's admin API; a client without the role cannot.
            String coordinatorId = realm.admin().users().search("reset.coordinator", true).get(0).getId();
            try (AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-audit", "leerid-audit");
                 AdminApiClient other = AdminApiClient.withRealmRole(realm, "test-no-audit", null)) {
                List<AdminEventRepresentation> events = auditor.api().realm("leerid").getAdminEvents();
                assertTrue(events.stream().anyMatch(e -> e.getResourcePath().equals("users/" + learner + "/school-console/reset")
                        && "012345".equals(e.getDetails().get("school")) && coordinatorId.equals(e.getAuthDetails().getUserId())),
                        "no admin event for the reset");
                assertFalse(JsonSerialization.writeValueAsString(events).contains(reset.code()), "the code is in an admin event");
                assertThrows(ForbiddenException.class, () -> other.api().realm("leerid").getAdminEvents());
            }
        }
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswordsAndTheSchoolUnlocksIt() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = new Browser()) {
            accounts.staff("slot.coordinator", "20000921", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            String learner = accounts.learner("slot.code", "10000921", SchoolAccounts.SINT_JOZEF, "4A", "4");
            ConsoleHttp console = console(coordinator);
            Letter letter = read(console.post("012345/letters", Map.of("form_token", console.formToken("012345"), "class", "4A")).body()).get(0);
            OidcService smartschool = oidc("smartschool");

            FormLogin.Outcome unknown = FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "niet.bestaand.code", "ABCD-EFGH-JKMN");
            FormLogin.Outcome wrongCode = FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "slot.code", "ABCD-EFGH-JKMN");
            assertEquals(errorLine(unknown.text()), errorLine(wrongCode.text()), "an unknown username must look like a wrong code");
            for (int attempt = 2; attempt <= 5; attempt++) {
                assertFalse(FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "slot.code", "ABCD-EFGH-JKM" + attempt).issuedCode());
            }
            assertTrue(locksWithin(learner), "five wrong codes did not lock the account");
            FormLogin.Outcome whileLocked = FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "slot.code", letter.code());
            assertFalse(whileLocked.issuedCode(), "a locked account was activated");
            assertTrue(whileLocked.text().contains(TOO_MANY), whileLocked.text());
            // A name without an account locks after as many wrong codes: "too many" says nothing about who exists.
            for (int attempt = 2; attempt <= 5; attempt++) {
                FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "niet.bestaand.code", "ABCD-EFGH-JKM" + attempt);
            }
            FormLogin.Outcome unknownLocked = FormLogin.activate(smartschool.login(SINT_JOZEF, "openid").requestUri, "niet.bestaand.code", "ABCD-EFGH-JKMN");
            assertTrue(unknownLocked.text().contains(TOO_MANY), unknownLocked.text());
            reference(unknownLocked.text());

            String page = console.get("012345/?q=slot.code").text();
            assertTrue(page.contains("Geblokkeerd"), page);
            // The page the child saw says only "too many attempts"; its reference code tells the school the account is locked.
            String reference = reference(whileLocked.text());
            String explained = console.get("012345/reference?code=" + reference.toLowerCase()).text();
            assertTrue(explained.contains("geblokkeerd na te veel foute pogingen") && explained.contains("slot.code"), explained);
            String unknownCode = console.get("012345/reference?code=" + reference(unknown.text())).text();
            assertTrue(unknownCode.contains("Deze code is onbekend"), unknownCode);
            ConsoleHttp.Reply unlock = console.post("012345/people/" + learner + "/unlock", Map.of("form_token", console.formToken("012345")));
            assertEquals(303, unlock.status(), unlock.text());
            assertFalse(Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(learner).get("disabled")));
            try (Browser child = new Browser()) {
                OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
                child.open(login.requestUri).click("leerid-activate").await("activation_code")
                        .fill("username", "slot.code").fill("activation_code", letter.code()).submit("activation_code")
                        .await("password-new").fill("password-new", "Ontgrendeld-1").fill("password-confirm", "Ontgrendeld-1")
                        .submit("password-confirm");
                login.redeem(child);
            }
        }
    }

    @Test
    void theActivationAndConsolePagesWorkAt320PixelsAndByKeyboard() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser narrow = Browser.withJavaScript(320)) {
            accounts.staff("smal.coordinator", "20000931", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
            accounts.learner("smal.leerling", "10000931", SchoolAccounts.SINT_JOZEF, "2C", "2");
            narrow.open(URI.create(realm.getBaseUrl() + "/school/activate?username=smal.leerling")).await("activation_code");
            assertFalse(narrow.scrollsHorizontally(), "the activation page scrolls sideways at 320 px");
            assertEquals(List.of(), narrow.seriousAccessibilityViolations());
            // The code field has the focus: type the code and press Enter, no mouse.
            narrow.type("ABCD-EFGH-JKMN", Keys.ENTER).await("activation_code");
            assertTrue(narrow.pageText().contains(WRONG), narrow.pageText());

            narrow.open(URI.create(realm.getBaseUrl() + "/school/")).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND).await("leerid-school-people");
            assertFalse(narrow.scrollsHorizontally(), "the console scrolls sideways at 320 px");
            assertEquals(List.of(), narrow.seriousAccessibilityViolations());
            narrow.screenshot("school-console-320");
            // Keyboard only: focus the search field, type a name, Enter.
            narrow.focus("q").type("smal.leerling", Keys.ENTER).await("person-smal.leerling");
            assertTrue(narrow.textOf("person-smal.leerling").contains("Nog niet geactiveerd"), narrow.textOf("person-smal.leerling"));
            assertFalse(narrow.has("person-lotte.peeters"));
            // The console's other pages: a reference code's answer, and the refusal for a school that is not yours.
            narrow.open(URI.create(realm.getBaseUrl() + "/school/012345/reference?code=AAAA-BBBB")).await("leerid-school-reference-unknown");
            assertEquals(List.of(), narrow.seriousAccessibilityViolations());
            assertFalse(narrow.scrollsHorizontally());
            narrow.open(URI.create(realm.getBaseUrl() + "/school/012345/services")).await("leerid-school-services");
            assertFalse(narrow.scrollsHorizontally(), "the services page scrolls sideways at 320 px");
            assertEquals(List.of(), narrow.seriousAccessibilityViolations());
            narrow.open(URI.create(realm.getBaseUrl() + "/school/067890/")).await("leerid-school-message");
            assertTrue(narrow.pageText().contains("geen toegang"), narrow.pageText());
            assertEquals(List.of(), narrow.seriousAccessibilityViolations());
        }
    }

    /** The console for the test coordinator (eID card of Piet Onbekend), continued over HTTP. */
    @Test
    void theSchoolSeesHowManyOfItsPeopleUseEachServicePerDayEachCountedOnce() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinator = Browser.withJavaScript(320)) {
            accounts.staff("usage.leader", "20000931", EidSimulator.PIET_ONBEKEND_NRN, "school-leader@" + SchoolAccounts.SINT_JOZEF);
            accounts.password(accounts.learner("tuur.gebruik", "10000931", SchoolAccounts.SINT_JOZEF, "3A", "3"), "Gebruik-telt-1");
            accounts.password(accounts.learner("nina.elders", "10000932", SchoolAccounts.ATHENEUM, "3A", "3"), "Elders-telt-1");
            ConsoleHttp console = console(coordinator);
            int smartschool = today(console, "Smartschool");
            int klascement = today(console, "KlasCement");

            // Tuur logs in to Smartschool twice (two sessions) and once to KlasCement: one person each, today.
            for (int login = 0; login < 2; login++) {
                try (Browser tuur = new Browser()) {
                    OidcService.Login smartschoolLogin = oidc("smartschool").login(SINT_JOZEF, "openid");
                    tuur.open(smartschoolLogin.requestUri).login("tuur.gebruik", "Gebruik-telt-1");
                    smartschoolLogin.redeem(tuur);
                    OidcService.Login klascementLogin = oidc("klascement").login(KLASCEMENT, "openid");
                    klascementLogin.redeem(tuur.open(klascementLogin.requestUri));
                }
            }
            // Nina is at another school: not counted here.
            assertTrue(FormLogin.attempt(oidc("smartschool").login(ATHENEUM, "openid").requestUri, "nina.elders", "Elders-telt-1").issuedCode());
            ConsoleHttp.Reply page = console.get("012345/usage");
            assertEquals(smartschool + 1, today(console, "Smartschool"), page.text());
            assertEquals(klascement + 1, today(console, "KlasCement"), page.text());
            assertFalse(page.text().contains("tuur") || page.text().contains("Tuur"), "the page names a person");

            // A week in the past, and days the console cannot show: a precise answer, and the page still works.
            assertEquals(200, console.get("012345/usage?until=2026-09-06").status());
            for (String day : List.of("2999-01-01", "6/9/2026", "2026-02-30")) {
                ConsoleHttp.Reply refused = console.get("012345/usage?until=" + day);
                assertEquals(400, refused.status(), day);
                assertTrue(refused.text().contains("Kies een dag tot en met vandaag"), refused.text());
            }
            // Another school's use is not this coordinator's to see.
            assertEquals(403, console.get("067890/usage").status());
            // At 320 px the table scrolls in its own region, not the page; axe finds nothing serious.
            coordinator.open(console.at("012345/usage")).await("leerid-school-usage");
            assertFalse(coordinator.scrollsHorizontally(), "the usage page needs horizontal scrolling at 320 px");
            assertEquals(List.of(), coordinator.seriousAccessibilityViolations());
            coordinator.screenshot("school-usage");
        }
    }

    /** Today's count for a service on the console's usage page (0 when the service is not listed). */
    private static int today(ConsoleHttp console, String service) throws Exception {
        String page = console.get("012345/usage").text();
        Matcher row = Pattern.compile("<th scope=\"row\">" + Pattern.quote(service) + "</th>((?:\\s*<td>\\d+</td>){7})").matcher(page);
        if (!row.find()) {
            return 0;
        }
        Matcher counts = Pattern.compile("<td>(\\d+)</td>").matcher(row.group(1));
        int last = -1;
        while (counts.find()) {
            last = Integer.parseInt(counts.group(1));
        }
        return last;
    }

    private ConsoleHttp console(Browser browser) {
        browser.open(URI.create(realm.getBaseUrl() + "/school/")).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND).await("leerid-school-people");
        return new ConsoleHttp(URI.create(realm.getBaseUrl()), browser.cookies());
    }

    /** The reference code an error page shows. */
    static final String TOO_MANY = "Te veel pogingen. Wacht even of vraag hulp op school.";

    static String reference(String page) {
        Matcher code = Pattern.compile("Referentiecode: ([0-9A-Z]{4}-[0-9A-Z]{4})").matcher(page);
        assertTrue(code.find(), "no reference code on the page: " + page);
        return code.group(1);
    }

    private static String errorLine(String page) {
        Matcher error = Pattern.compile("Die gebruikersnaam[^.]*\\.").matcher(page);
        return error.find() ? error.group() : page;
    }

    static List<Letter> read(byte[] pdf) throws Exception {
        List<Letter> letters = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page + 1);
                stripper.setEndPage(page + 1);
                String text = stripper.getText(document);
                Matcher code = CODE.matcher(text);
                Matcher username = Pattern.compile("Gebruikersnaam\\s+(\\S+)").matcher(text);
                assertTrue(code.find() && username.find(), text);
                String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                        renderer.renderImageWithDPI(page, 150)))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                letters.add(new Letter(text, username.group(1), code.group(), URI.create(qr)));
            }
        }
        return letters;
    }
}
