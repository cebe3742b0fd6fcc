package be.leerid.identifiers.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class ClientMistakeLogLevelTest {

    private final ClientMistakeLogLevel filter = new ClientMistakeLogLevel(null,
            ClientMistakeLogLevel.MISTAKES.get("org.keycloak.services"));

    @Test
    void aServicesMistakeIsLoweredToWarn() {
        LogRecord record = new LogRecord(Level.SEVERE, "KC-SERVICES0093: Invalid parameter value for: %s");
        assertTrue(filter.isLoggable(record));
        assertTrue(record.getLevel().intValue() < Level.SEVERE.intValue() && record.getLevel().intValue() >= Level.WARNING.intValue(),
                record.getLevel().getName());
    }

    @Test
    void aRealFaultStaysAnError() {
        LogRecord record = new LogRecord(Level.SEVERE, "KC-SERVICES0084: Failed to save event");
        assertTrue(filter.isLoggable(record));
        assertEquals(Level.SEVERE, record.getLevel());
        assertFalse(filter.isMistake(null));
    }

    @Test
    void aPreviousFilterStillDecides() {
        ClientMistakeLogLevel chained = new ClientMistakeLogLevel(record -> false, List.of("KC-SERVICES0095:"));
        LogRecord record = new LogRecord(Level.SEVERE, "KC-SERVICES0095: Client is not allowed");
        assertFalse(chained.isLoggable(record));
        assertEquals(Level.WARNING, record.getLevel());
    }
}
