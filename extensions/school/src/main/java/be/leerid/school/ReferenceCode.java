package be.leerid.school;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The short code an error page shows ({@code K7M2-Q9XD}, 40 bits), which a school's coordinator types
 * into the console to see why one of the school's people was stopped.
 */
public record ReferenceCode(String value) {

    public static final int LENGTH = 8;

    public static ReferenceCode random(SecureRandom random) {
        return new ReferenceCode(Crockford.random(random, LENGTH));
    }

    public static Optional<ReferenceCode> read(String typed) {
        return Crockford.read(typed, LENGTH).map(ReferenceCode::new);
    }

    public String printed() {
        return Crockford.grouped(value);
    }
}
