package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FormerSubjectTest {

    private static final LocalDate MERGED = LocalDate.of(2026, 12, 3);

    @Test
    void aServiceReceivesItsFormerPseudonymForTwelveMonths() {
        FormerSubject former = FormerSubject.keptFrom("client-1", "pseudo", MERGED);
        assertEquals(LocalDate.of(2027, 12, 3), former.until());
        assertTrue(former.shownTo("client-1", MERGED));
        assertTrue(former.shownTo("client-1", LocalDate.of(2027, 12, 3)));
        assertFalse(former.shownTo("client-1", LocalDate.of(2027, 12, 4)));
        assertFalse(former.shownTo("client-2", MERGED), "only the service that knew it");
    }

    @Test
    void storedValuesRoundTripAndAnythingElseIsIgnored() {
        FormerSubject former = FormerSubject.keptFrom("client-1", "pseudo", MERGED);
        assertEquals("client-1 pseudo 2027-12-03", former.value());
        assertEquals(Optional.of(former), FormerSubject.parse(former.value()));
        assertEquals(Optional.empty(), FormerSubject.parse("client-1 pseudo"));
        assertEquals(Optional.empty(), FormerSubject.parse("client-1 pseudo 2027-13-01"));
        assertEquals(Optional.empty(), FormerSubject.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new FormerSubject("client 1", "p", MERGED));
    }
}
