package be.leerid.transparency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import org.junit.jupiter.api.Test;

class ClaimDisplayTest {

    private static final PersonRecord LOTTE = PersonRecord.fromAttributes("Lotte", "Peeters", name -> switch (name) {
        case "leerid" -> List.of("10000001");
        case "affiliation" -> List.of("student");
        case "school" -> List.of("012345");
        case "enrolment" -> List.of("012345:5:5B");
        default -> List.of();
    });

    @Test
    void aSchoolReadsAsNumberGradeAndClass() {
        assertEquals(List.of("012345 · 5 · 5B"), ClaimDisplay.values(Claim.SCHOOLS, LOTTE, "leerid.be"));
    }

    @Test
    void otherClaimsAreTheirValues() {
        assertEquals(List.of("Lotte"), ClaimDisplay.values(Claim.GIVEN_NAME, LOTTE, "leerid.be"));
        assertEquals(List.of("012345"), ClaimDisplay.values(Claim.ORGCODE, LOTTE, "leerid.be"));
    }
}
