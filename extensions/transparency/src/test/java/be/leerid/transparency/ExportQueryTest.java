package be.leerid.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExportQueryTest {

    @Test
    void aServiceOrAPersonOverARangeOfDays() {
        ExportQuery query = ExportQuery.parse(" smartschool ", null, "2026-09-01", "2026-09-30");
        assertEquals("smartschool", query.service());
        assertNull(query.person());
        assertEquals(LocalDate.of(2026, 9, 1), query.from());
        assertEquals("lotte.peeters", ExportQuery.parse("", "lotte.peeters", "2026-09-01", "2026-09-01").person());
    }

    @Test
    void refusesWithAReason() {
        assertEquals("give exactly one of service (a client id) and person (a username)",
                assertThrows(ExportQuery.Refused.class, () -> ExportQuery.parse("a", "b", "2026-09-01", "2026-09-02")).getMessage());
        assertThrows(ExportQuery.Refused.class, () -> ExportQuery.parse(null, " ", "2026-09-01", "2026-09-02"));
        assertEquals("from is required (a day, yyyy-mm-dd)",
                assertThrows(ExportQuery.Refused.class, () -> ExportQuery.parse("a", null, null, "2026-09-02")).getMessage());
        assertEquals("to is not a day (yyyy-mm-dd)",
                assertThrows(ExportQuery.Refused.class, () -> ExportQuery.parse("a", null, "2026-09-01", "02/09/2026")).getMessage());
        assertEquals("to must not be before from",
                assertThrows(ExportQuery.Refused.class, () -> ExportQuery.parse("a", null, "2026-09-02", "2026-09-01")).getMessage());
        assertEquals("at most 400 days at a time",
                assertThrows(ExportQuery.Refused.class, () -> ExportQuery.parse("a", null, "2025-01-01", "2026-02-05")).getMessage());
        ExportQuery.parse("a", null, "2025-01-01", "2026-02-04");
    }

    @Test
    void detailsKeepWhatHappenedNotWhatWasTyped() {
        Map<String, String> kept = ExportedDetails.of(Map.of("username", "Geheim123!", "auth_method", "openid-connect",
                "redirect_uri", "https://example.org/cb?code=x", "code_id", "abc", "school", "012345"));
        assertEquals(Map.of("auth_method", "openid-connect", "school", "012345"), kept);
        assertEquals(Map.of(), ExportedDetails.of(null));
    }
}
