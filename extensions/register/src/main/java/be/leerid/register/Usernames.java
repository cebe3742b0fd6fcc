package be.leerid.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.leerid.identifiers.PseudonymDeriver;

/**
 * Login names a six-year-old can type: {@code lotte.peeters.k3fq}. The suffix is keyed (never the
 * LeerID itself, which must stay out of logs) and fixed per person, so no lookup is needed. When two
 * people would get the same name, the next variant of the keyed suffix is tried.
 */
public final class Usernames {

    /** Domain separation: this HMAC input can never collide with a client's sector (a host name). */
    static final String USERNAME_SECTOR = "#username";
    /** Suffix variants a person has: 4 characters each from the 52-character keyed value. */
    public static final int VARIANTS = 12;
    private static final int SUFFIX_LENGTH = 4;

    private Usernames() {
    }

    /** The person's usernames in the order they are tried; the first is theirs unless someone else has it. */
    public static List<String> candidates(PseudonymDeriver deriver, String leerid, String givenName, String familyName) {
        String keyed = deriver.derive(USERNAME_SECTOR, leerid);
        List<String> candidates = new ArrayList<>(VARIANTS);
        for (int variant = 0; variant < VARIANTS; variant++) {
            candidates.add(of(givenName, familyName, keyed.substring(variant * SUFFIX_LENGTH, (variant + 1) * SUFFIX_LENGTH)));
        }
        return candidates;
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
