package be.leerid.identifiers.protocol;

/** The person's pseudonym at the service a mapper works for, derived on demand (once per request). */
@FunctionalInterface
public interface PseudonymSource {

    /** The pseudonym, or an error response that stops the token or assertion from being issued. */
    String pseudonym();
}
