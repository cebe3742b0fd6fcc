package be.leerid.identifiers;

import java.util.Arrays;
import java.util.Base64;

/**
 * The realm's pseudonym key: at least 32 random bytes, written base64-encoded in Keycloak's vault.
 *
 * <p>Parsing never echoes the secret in an error message, and {@link #toString()} hides it.
 */
public final class PseudonymKey {

    public static final int MIN_BYTES = 32;

    private final byte[] bytes;

    private PseudonymKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param base64 the vault secret: standard base64 of the key bytes; surrounding whitespace
     *               (a trailing newline from {@code echo}) is ignored
     * @throws InvalidPseudonymKeyException if the secret is missing, not base64 or too short
     */
    public static PseudonymKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidPseudonymKeyException("the pseudonym key is empty");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidPseudonymKeyException("the pseudonym key is not valid base64");
        }
        if (decoded.length < MIN_BYTES) {
            throw new InvalidPseudonymKeyException("the pseudonym key has " + decoded.length
                    + " bytes; at least " + MIN_BYTES + " random bytes are required");
        }
        return new PseudonymKey(decoded);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PseudonymKey[hidden]";
    }
}
