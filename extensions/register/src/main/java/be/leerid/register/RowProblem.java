package be.leerid.register;

/**
 * A rejected row: its line number and why, never the row's content, so a report can be logged
 * and returned without personal data.
 */
public record RowProblem(long line, String reason) {
}
