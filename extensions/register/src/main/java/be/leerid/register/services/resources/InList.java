package be.leerid.register.services.resources;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The parameters of an SQL {@code IN (?, ?, ...)} list, for the sync's batched queries on Keycloak's tables. */
final class InList {

    /** Values per list: well under every database's limit on a statement's parameters. */
    static final int MAX_VALUES = 500;

    private InList() {
    }

    /** The values in consecutive slices of at most {@code size} (views of the list, in order). */
    static <T> List<List<T>> chunks(List<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }

    /** The values in slices of at most {@link #MAX_VALUES}, one IN list each. */
    static <T> List<List<T>> chunks(List<T> values) {
        return chunks(values, MAX_VALUES);
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Sets the values as parameters {@code first}, {@code first + 1}, ... */
    static void bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }
}
