package be.leerid.identifiers;

/** The realm's pseudonym key is missing or unusable; the message never contains the key. */
public final class InvalidPseudonymKeyException extends RuntimeException {

    public InvalidPseudonymKeyException(String message) {
        super(message);
    }
}
