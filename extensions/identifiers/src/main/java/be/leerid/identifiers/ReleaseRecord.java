package be.leerid.identifiers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one service received about one person: the first and last day it received anything and the names of the
 * claims it received (OIDC names, {@link Claim#SUBJECT_CLAIM} for the pseudonym; never the values). One record per
 * person and service, written at most once a day per pair, kept {@link #RETENTION_DAYS} days after the last release.
 *
 * @param service the client's internal id
 */
public record ReleaseRecord(String service, String person, LocalDate first, LocalDate last, Set<String> claims) {

    public static final int RETENTION_DAYS = 400;
    /** Release days are Belgian calendar days. */
    public static final ZoneId ZONE = BelgianDays.ZONE;

    public ReleaseRecord {
        claims = Set.copyOf(new TreeSet<>(claims));
    }

    /** The claim names as stored: sorted, space-separated. */
    public static String names(Collection<String> claims) {
        return String.join(" ", new TreeSet<>(claims));
    }

    public static Set<String> names(String stored) {
        return stored == null || stored.isBlank() ? Set.of() : Arrays.stream(stored.trim().split(" +")).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The mark a session keeps of what it last recorded for a service ({@code day|names}): a token whose day and
     * names it matches needs no write, so refreshes and single sign-on read and write nothing.
     */
    public static String mark(LocalDate day, Collection<String> claims) {
        return day + "|" + names(claims);
    }

    /** The names a mark says were recorded on {@code day}; none if the mark is from another day or missing. */
    public static Set<String> marked(String mark, LocalDate day) {
        String prefix = day + "|";
        return mark != null && mark.startsWith(prefix) ? names(mark.substring(prefix.length())) : Set.of();
    }

    public static LocalDate today(long epochMillis) {
        return BelgianDays.of(epochMillis);
    }

    /** This record after a release on {@code day} of {@code released}: names only grow, days only move forward. */
    public ReleaseRecord after(LocalDate day, Collection<String> released) {
        Set<String> all = new TreeSet<>(claims);
        all.addAll(released);
        return new ReleaseRecord(service, person, first.isAfter(day) ? day : first, last.isBefore(day) ? day : last, all);
    }

    /** Whether a release on {@code day} of {@code released} changes this record. */
    public boolean changedBy(LocalDate day, Collection<String> released) {
        return last.isBefore(day) || !claims.containsAll(released);
    }

    /** Records last released before this day have outlived their retention on {@code today}. */
    public static LocalDate expiredBefore(LocalDate today) {
        return today.minusDays(RETENTION_DAYS);
    }
}
