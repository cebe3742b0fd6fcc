package be.leerid.register.services.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import be.leerid.register.DesiredAccount;
import org.junit.jupiter.api.Test;

class CreationLanesTest {

    private static List<DesiredAccount> batch(String leerid) {
        return List.of(new DesiredAccount(leerid, "Fien", "Dewulf", true, Map.of()));
    }

    @Test
    void aBatchRefusedByAUniqueIndexIsCreatedAgainAfterTheOthers() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<String> created = new CopyOnWriteArrayList<>();
        try (CreationLanes lanes = new CreationLanes(batch -> {
            String leerid = batch.get(0).leerid();
            if (attempts.computeIfAbsent(leerid, id -> new AtomicInteger()).incrementAndGet() == 1 && leerid.equals("2")) {
                // As Hibernate wraps the driver's refusal of a duplicate username.
                SQLException duplicate = new SQLException("duplicate key", "23505");
                BatchUpdateException batchFailed = new BatchUpdateException("batch failed", "23505", new int[0]);
                batchFailed.setNextException(duplicate);
                throw new IllegalStateException("could not execute batch", batchFailed);
            }
            created.add(leerid);
        })) {
            for (String leerid : List.of("1", "2", "3", "4")) {
                lanes.submit(batch(leerid));
            }
            lanes.finish();
        }
        assertEquals(4, created.size());
        assertEquals("2", created.get(3));
        assertEquals(2, attempts.get("2").get());
    }

    @Test
    void anyOtherFailureFailsTheSync() {
        try (CreationLanes lanes = new CreationLanes(batch -> {
            throw new IllegalStateException("connection lost", new SQLException("I/O error", "08006"));
        })) {
            lanes.submit(batch("1"));
            IllegalStateException failure = assertThrows(IllegalStateException.class, lanes::finish);
            assertEquals("connection lost", failure.getCause().getMessage());
        }
    }

    @Test
    void aBatchRefusedTwiceFailsTheSync() {
        try (CreationLanes lanes = new CreationLanes(batch -> {
            throw new IllegalStateException("duplicate", new SQLException("duplicate key", "23505"));
        })) {
            lanes.submit(batch("1"));
            assertThrows(IllegalStateException.class, lanes::finish);
        }
    }
}
