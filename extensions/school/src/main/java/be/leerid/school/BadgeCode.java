package be.leerid.school;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a QR badge carries, in its QR code and printed under it: the badge's id ({@value #ID_LENGTH} characters,
 * which only finds the badge) and its secret ({@value #SECRET_LENGTH} characters, {@value #SECRET_BITS} bits), in
 * Crockford's base32 as one code of {@value #LENGTH} characters in groups of four. Nothing about the child. Read the
 * forgiving way, so a hand scanner that types it, a camera that reads it and a teacher who types it all give the same.
 */
public final class BadgeCode {

    public static final int ID_LENGTH = 8;
    public static final int SECRET_LENGTH = 26;
    public static final int SECRET_BITS = SECRET_LENGTH * 5;
    public static final int LENGTH = ID_LENGTH + SECRET_LENGTH;

    private final String id;
    private final String secret;

    private BadgeCode(String canonical) {
        this.id = canonical.substring(0, ID_LENGTH);
        this.secret = canonical.substring(ID_LENGTH);
    }

    public static BadgeCode random(SecureRandom random) {
        return new BadgeCode(Crockford.random(random, LENGTH));
    }

    /** A scanned or typed code; empty if it cannot be a badge at all. */
    public static Optional<BadgeCode> read(String typed) {
        return Crockford.read(typed, LENGTH).map(BadgeCode::new);
    }

    /** The badge's id: stored on the account to find it, not secret, never logged either. */
    public String id() {
        return id;
    }

    /** The secret, which LeerID only ever hashes; never logged, never stored. */
    public String secret() {
        return secret;
    }

    /** As printed under the QR code, and as the QR code holds it: groups of four. */
    public String printed() {
        return Crockford.grouped(id + secret);
    }

    @Override
    public String toString() {
        return "BadgeCode[hidden]";
    }
}
