package be.leerid.school.letters;

import java.net.URI;
import java.time.LocalDate;

import be.leerid.school.ActivationCode;

/** What one learner's letter says. The code is printed here and nowhere else. */
public record ActivationLetter(String givenName, String familyName, String schoolClass, String username,
                               ActivationCode code, LocalDate validUntil, URI activationPage) {

    @Override
    public String toString() {
        return "ActivationLetter[hidden]";
    }
}
