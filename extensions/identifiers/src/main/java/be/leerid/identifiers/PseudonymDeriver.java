package be.leerid.identifiers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the pseudonym a service sees for a learner:
 * {@code base32(HMAC-SHA-256(key, sector || 0x00 || leerid))}, lower case, no padding.
 *
 * <p>The result is 52 characters from {@code [a-z2-7]}: a valid SAML subject-id / pairwise-id value
 * and a valid OIDC {@code sub}. It is computed, never stored, so it survives account re-creation,
 * school moves, restores and other cluster nodes. Instances are immutable and thread-safe.
 */
public final class PseudonymDeriver {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;
    // Mac.getInstance + init costs more than the HMAC itself; one initialised Mac per thread keeps
    // a derivation well under the 2 microsecond budget.
    private final ThreadLocal<Mac> macs;

    public PseudonymDeriver(PseudonymKey key) {
        this.key = new SecretKeySpec(Objects.requireNonNull(key, "key").bytes(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * @param sector the client's sector, e.g. {@code smartschool.be}
     * @param leerid the learner's longitudinal LeerID
     * @return the pseudonym, 52 characters of lower-case base32
     */
    public String derive(String sector, String leerid) {
        if (sector == null || sector.isEmpty()) {
            throw new IllegalArgumentException("sector is empty");
        }
        if (leerid == null || leerid.isEmpty()) {
            throw new IllegalArgumentException("leerid is empty");
        }
        Mac mac = macs.get();
        mac.update(sector.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(leerid.getBytes(StandardCharsets.UTF_8));
        return base32(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

}
