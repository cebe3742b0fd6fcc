package be.leerid.register;

/** The feed as a whole is unusable (header, encoding, truncation): nothing may change. */
public final class MalformedFeedException extends Exception {

    private final long line;

    public MalformedFeedException(long line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
