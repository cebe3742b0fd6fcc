package be.leerid.identifiers.protocol;

import java.util.List;
import java.util.function.Supplier;

/** The person's pseudonym at the service a mapper works for, derived on demand (once per request). */
@FunctionalInterface
public interface PseudonymSource {

    /** The pseudonym, or an error response that stops the token or assertion from being issued. */
    String pseudonym();

    /** Pseudonyms the service knew for register records merged into this person's (usually none). */
    default List<String> former() {
        return List.of();
    }

    static PseudonymSource of(Supplier<String> pseudonym, Supplier<List<String>> former) {
        return new PseudonymSource() {
            @Override
            public String pseudonym() {
                return pseudonym.get();
            }

            @Override
            public List<String> former() {
                return former.get();
            }
        };
    }
}
