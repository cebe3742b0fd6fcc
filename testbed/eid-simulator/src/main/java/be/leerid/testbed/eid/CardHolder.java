package be.leerid.testbed.eid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A test identity as the gateway knows it: the person on the eID card.
 *
 * @param id short name used in the picker and as the login name
 * @param nationalRegisterNumber 11 digits; the claim LeerID matches against the staff register
 * @param description who this is in the demo register, shown in the picker
 */
public record CardHolder(String id, String nationalRegisterNumber, String givenName, String familyName, String description) {

    /** The gateway's own subject for this person: stable and opaque, not the register number. */
    public String subject() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("eid-simulator:" + nationalRegisterNumber).getBytes(StandardCharsets.UTF_8));
            return "eid-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
