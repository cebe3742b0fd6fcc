package be.leerid.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class ReferenceCodeTest {

    @Test
    void referenceCodesArePrintedInTwoGroupsAndReadForgivingly() {
        ReferenceCode code = ReferenceCode.random(new SecureRandom());
        assertTrue(code.printed().matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code.printed());
        assertEquals(code, ReferenceCode.read(code.printed().toLowerCase()).orElseThrow());
        assertEquals("K7M2Q9XD", ReferenceCode.read("k7m2 q9xd").orElseThrow().value());
        assertTrue(ReferenceCode.read("K7M2-Q9X").isEmpty());
        assertTrue(ReferenceCode.read("<script>").isEmpty());
    }

    @Test
    void theSchoolSeesTheAccountsStateNotOnlyWhatThePageSaid() {
        assertEquals(StopReason.LEFT, StopReason.of(false, true, true, true));
        assertEquals(StopReason.LOCKED, StopReason.of(true, true, true, true));
        assertEquals(StopReason.NOT_ACTIVATED, StopReason.of(true, false, true, true));
        assertEquals(StopReason.WRONG_CREDENTIALS, StopReason.of(true, false, false, true));
        assertEquals(StopReason.AS_SHOWN, StopReason.of(true, false, false, false));
        assertEquals("leeridStaffOnly", StopReason.AS_SHOWN.messageKey("leeridStaffOnly"));
        assertEquals("leeridReasonLocked", StopReason.LOCKED.messageKey("invalidUserMessage"));
    }
}
