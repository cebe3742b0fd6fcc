package be.leerid.testbed.eid;

import java.util.Arrays;

/** How the card holder authenticated, as the gateway reports it in {@code acr}. */
public enum Means {
    EID("eid", "eID-kaart en kaartlezer", "urn:be:vlaanderen:authmech:eid"),
    ITSME("itsme", "itsme", "urn:be:vlaanderen:authmech:itsme"),
    SMS("sms", "Wachtwoord en sms-code", "urn:be:vlaanderen:authmech:sms");

    private final String id;
    private final String label;
    private final String acr;

    Means(String id, String label, String acr) {
        this.id = id;
        this.label = label;
        this.acr = acr;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String acr() {
        return acr;
    }

    static Means of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElse(EID);
    }
}
