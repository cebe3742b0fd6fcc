package be.leerid.school.services.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

import be.leerid.identifiers.SchoolPlace;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.ActivationCode;
import be.leerid.school.credential.ActivationCodes;
import be.leerid.school.letters.ActivationLetter;
import be.leerid.school.letters.ActivationLetters;
import be.leerid.school.letters.LetterWording;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/** Activation letters (and the words of badges) as the console hands them out: in the page's language, as a PDF download never cached. */
final class LetterPrinter {

    private final KeycloakSession session;
    private final RealmModel realm;

    LetterPrinter(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The letter a school hands the learner: with the learner's class at that school. */
    ActivationLetter letter(UserModel learner, ActivationCode code, String school) {
        URI page = UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms/{realm}/school/activate")
                .queryParam("username", learner.getUsername()).build(realm.getName());
        String schoolClass = session.getProvider(LeerIdProvider.class).person(learner).places().stream()
                .filter(place -> place.school().equals(school)).map(SchoolPlace::schoolClass).filter(Objects::nonNull).findFirst().orElse(null);
        return new ActivationLetter(learner.getFirstName(), learner.getLastName(), schoolClass,
                learner.getUsername(), code, ActivationCodes.lastValidDay(), page);
    }

    Response pdf(List<ActivationLetter> letters) {
        return download(ActivationLetters.render(letters, wording()), "leerid-activatiebrieven.pdf");
    }

    /** Printed matter's words in the page's language, from the login theme's bundles. */
    LetterWording wording() {
        Locale locale = session.getContext().resolveLocale(null);
        try {
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            return new LetterWording(locale, messages::getProperty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF as a download that no cache keeps: it holds codes. */
    static Response download(byte[] pdf, String filename) {
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
