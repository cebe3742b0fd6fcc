package be.leerid.register;

import java.util.List;

/**
 * What a sync did, for the caller and (without problems' lines) the server log. It holds counts
 * and line numbers only: no names, no identifiers.
 */
/**
 * @param merged accounts merged into another one (feed version 2's {@code replaces}) and deleted
 */
public record SyncReport(String register, String kind, long sequence, long rows, long valid, long created, long updated,
                         long unchanged, long disabled, long merged, List<RowProblem> problems) {

    public long changes() {
        return created + updated + disabled + merged;
    }

    public String summary() {
        return String.format("register=%s kind=%s sequence=%d rows=%d valid=%d created=%d updated=%d unchanged=%d disabled=%d merged=%d rejected=%d",
                register, kind, sequence, rows, valid, created, updated, unchanged, disabled, merged, problems.size());
    }
}
