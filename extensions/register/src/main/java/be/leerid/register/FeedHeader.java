package be.leerid.register;

/**
 * First line of a register feed. A full feed lists everyone the register knows: who is absent has
 * left. A delta lists only who changed since sequence {@code since}.
 */
public record FeedHeader(int version, Register register, Kind kind, long sequence, Long since) {

    public static final String FORMAT = "leerid-register-feed";
    /** The version LeerID writes (its generator) and reads; version 2 adds a learner row's {@code replaces}. */
    public static final int VERSION = 2;
    /** The oldest version LeerID still reads. */
    public static final int FIRST_VERSION = 1;

    /** Whether rows may carry {@code replaces} (merges). */
    public boolean hasMerges() {
        return version >= 2;
    }

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
