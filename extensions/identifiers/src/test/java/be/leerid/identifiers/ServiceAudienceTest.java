package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceAudienceTest {

    private static PersonRecord person(String... affiliations) {
        return new PersonRecord("1", "A", "B", List.of(affiliations), List.of(), List.of(), null, null);
    }

    @Test
    void staffOnlyServicesAdmitStaffAndNeverLearners() {
        assertTrue(ServiceAudience.STAFF.admits(person("faculty", "employee", "member")));
        assertTrue(ServiceAudience.STAFF.admits(person("staff", "employee", "member")));
        assertFalse(ServiceAudience.STAFF.admits(person("student", "member")));
        assertFalse(ServiceAudience.STAFF.admits(person("student", "faculty")));
        assertFalse(ServiceAudience.STAFF.admits(person()));
        assertTrue(ServiceAudience.EVERYONE.admits(person("student", "member")));
    }

    @Test
    void attributeValues() {
        assertEquals(ServiceAudience.EVERYONE, ServiceAudience.of(null));
        assertEquals(ServiceAudience.EVERYONE, ServiceAudience.of(" "));
        assertEquals(ServiceAudience.STAFF, ServiceAudience.of("Staff"));
        assertThrows(IllegalArgumentException.class, () -> ServiceAudience.of("teachers"));
    }
}
