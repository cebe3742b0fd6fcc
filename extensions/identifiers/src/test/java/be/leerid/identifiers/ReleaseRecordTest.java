package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReleaseRecordTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    private final ReleaseRecord record = new ReleaseRecord("client", "user", MONDAY, MONDAY, Set.of("sub", "given_name"));

    @Test
    void sameDaySameNamesChangesNothing() {
        assertFalse(record.changedBy(MONDAY, List.of("sub")));
        assertFalse(record.changedBy(MONDAY, List.of("given_name", "sub")));
    }

    @Test
    void aLaterDayOrANewNameChangesTheRecord() {
        assertTrue(record.changedBy(MONDAY.plusDays(1), List.of("sub")));
        assertTrue(record.changedBy(MONDAY, List.of("sub", "leerid_class")));
        ReleaseRecord after = record.after(MONDAY.plusDays(3), List.of("leerid_class"));
        assertEquals(MONDAY, after.first());
        assertEquals(MONDAY.plusDays(3), after.last());
        assertEquals(Set.of("sub", "given_name", "leerid_class"), after.claims());
    }

    @Test
    void namesAreStoredSortedAndReadBack() {
        assertEquals("given_name leerid_class sub", ReleaseRecord.names(List.of("sub", "leerid_class", "given_name")));
        assertEquals(Set.of("sub", "given_name"), ReleaseRecord.names(" given_name  sub "));
        assertEquals(Set.of(), ReleaseRecord.names((String) null));
    }

    @Test
    void aMarkCountsOnlyOnItsOwnDay() {
        String mark = ReleaseRecord.mark(MONDAY, List.of("sub", "given_name"));
        assertEquals("2026-09-07|given_name sub", mark);
        assertEquals(Set.of("sub", "given_name"), ReleaseRecord.marked(mark, MONDAY));
        assertEquals(Set.of(), ReleaseRecord.marked(mark, MONDAY.plusDays(1)));
        assertEquals(Set.of(), ReleaseRecord.marked(null, MONDAY));
    }

    @Test
    void daysAreBelgianAndRetentionIs400Days() {
        // 23:30 UTC on 6 September is already 7 September in Brussels (summer time).
        long lateEvening = java.time.Instant.parse("2026-09-06T23:30:00Z").toEpochMilli();
        assertEquals(MONDAY, ReleaseRecord.today(lateEvening));
        assertEquals(LocalDate.of(2025, 8, 3), ReleaseRecord.expiredBefore(MONDAY));
    }
}
