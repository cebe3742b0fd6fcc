package be.leerid.school;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A one-time activation code as printed on a letter: 12 characters of Crockford's base32 (60 bits),
 * shown as {@code ABCD-EFGH-JKMN}, read the forgiving way ({@link Crockford}), so a child's typing
 * mistakes of that kind still count as the code.
 */
public final class ActivationCode {

    public static final int LENGTH = 12;
    public static final int BITS = LENGTH * 5;

    private final String value;

    private ActivationCode(String value) {
        this.value = value;
    }

    public static ActivationCode random(SecureRandom random) {
        return new ActivationCode(Crockford.random(random, LENGTH));
    }

    /** A typed code; empty if it cannot be a code at all. */
    public static Optional<ActivationCode> read(String typed) {
        return Crockford.read(typed, LENGTH).map(ActivationCode::new);
    }

    /** The canonical form, which LeerID hashes; never logged. */
    public String canonical() {
        return value;
    }

    /** As printed: three groups of four. */
    public String printed() {
        return Crockford.grouped(value);
    }

    @Override
    public String toString() {
        return "ActivationCode[hidden]";
    }
}
