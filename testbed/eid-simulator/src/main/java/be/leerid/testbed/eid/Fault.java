package be.leerid.testbed.eid;

import java.util.Arrays;

/** A defect the simulator can put in the ID token, so tests can prove LeerID refuses it. */
public enum Fault {
    NONE("none", "Geen (correct ID-token)"),
    EXPIRED("expired", "Verlopen ID-token"),
    FORGED_SIGNATURE("forged-signature", "Handtekening met een andere sleutel"),
    WRONG_ISSUER("wrong-issuer", "Verkeerde uitgever (iss)"),
    WRONG_AUDIENCE("wrong-audience", "Verkeerd publiek (aud)"),
    REPLAYED_NONCE("replayed-nonce", "Nonce van een vorige aanmelding");

    private final String id;
    private final String label;

    Fault(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    static Fault of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst().orElse(NONE);
    }
}
