package be.leerid.identifiers;

/** A client's sector cannot be decided; the message tells an administrator how to fix the client. */
public final class SectorException extends RuntimeException {

    public SectorException(String message) {
        super(message);
    }
}
