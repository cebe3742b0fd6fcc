package be.leerid.school;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-time activation code as printed on a letter: 12 characters of Crockford's base32 (60 bits),
 * shown as {@code ABCD-EFGH-JKMN}. Crockford's alphabet has no I, L, O or U, and reading is forgiving
 * (O is 0, I and L are 1, case, spaces and dashes do not matter), so a child's typing mistakes of
 * that kind still count as the code.
 */
public final class ActivationCode {

    public static final int LENGTH = 12;
    public static final int BITS = LENGTH * 5;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final String value;

    private ActivationCode(String value) {
        this.value = value;
    }

    public static ActivationCode random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new ActivationCode(code.toString());
    }

    /** A typed code, read the forgiving way; empty if it cannot be a code at all. */
    public static Optional<ActivationCode> read(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (ALPHABET.indexOf(read) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(new ActivationCode(code.toString())) : Optional.empty();
    }

    /** The canonical form, which LeerID hashes; never logged. */
    public String canonical() {
        return value;
    }

    /** As printed: three groups of four. */
    public String printed() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return "ActivationCode[hidden]";
    }
}
