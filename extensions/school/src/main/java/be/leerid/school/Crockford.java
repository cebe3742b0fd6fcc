package be.leerid.school;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Codes people read from paper or a screen and type: Crockford's base32 (no I, L, O or U), read the
 * forgiving way (case, spaces and dashes do not matter; O is 0, I and L are 1).
 */
final class Crockford {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Crockford() {
    }

    static String random(SecureRandom random, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical form of a typed code of exactly this length, or empty. */
    static Optional<String> read(String typed, int length) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(length);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0 || code.length() == length) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == length ? Optional.of(code.toString()) : Optional.empty();
    }

    /** In groups of four, as printed. */
    static String grouped(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            out.append(i == 0 ? "" : "-").append(code, i, Math.min(code.length(), i + 4));
        }
        return out.toString();
    }
}
