package be.leerid.register;

/**
 * First line of a register feed. A full feed lists everyone the register knows: who is absent has
 * left. A delta lists only who changed since sequence {@code since}.
 */
public record FeedHeader(Register register, Kind kind, long sequence, Long since) {

    public static final String FORMAT = "leerid-register-feed";
    public static final int VERSION = 1;

    public enum Register {
        /** Learners, from Discimus. */
        DISCIMUS,
        /** Staff, from Edison. */
        EDISON
    }

    public enum Kind {
        FULL,
        DELTA
    }
}
