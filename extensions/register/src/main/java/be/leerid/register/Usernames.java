package be.leerid.register;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Login names a six-year-old can type: {@code lotte.peeters.k3fq}. The suffix is keyed (never the
 * LeerID itself, which must stay out of logs) and fixed per person, so no lookup is needed.
 */
public final class Usernames {

    private Usernames() {
    }

    public static String of(String givenName, String familyName, String suffix) {
        String name = plain(givenName) + "." + plain(familyName);
        return (name.length() > 60 ? name.substring(0, 60) : name) + "." + suffix;
    }

    private static String plain(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String plain = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return plain.isEmpty() ? "x" : plain;
    }
}
