package be.leerid.registration;

/**
 * A registration refused, with its RFC 7591 error code and a description the provider's developer can
 * act on. Descriptions name fields and rules, never secrets or personal data.
 */
public final class RegistrationException extends Exception {

    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    public static final String INVALID_SOFTWARE_STATEMENT = "invalid_software_statement";
    public static final String UNAPPROVED_SOFTWARE_STATEMENT = "unapproved_software_statement";

    private final String error;

    public RegistrationException(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }

    static RegistrationException metadata(String description) {
        return new RegistrationException(INVALID_CLIENT_METADATA, description);
    }

    static RegistrationException statement(String description) {
        return new RegistrationException(INVALID_SOFTWARE_STATEMENT, description);
    }
}
