package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimTest {

    private final PersonRecord learner = PersonRecord.fromAttributes("Lotte", "Peeters", name -> Map.of(
            UserAttributes.LEERID, List.of("10000001"),
            UserAttributes.AFFILIATION, List.of("student", "member"),
            UserAttributes.SCHOOL, List.of("012345"),
            UserAttributes.GRADE, List.of("5"),
            UserAttributes.CLASS, List.of("5B")).getOrDefault(name, List.of()));

    @Test
    void oidcValuesComeFromTheRegisterAttributes() {
        assertEquals(List.of("10000001"), Claim.LEERID.oidcValues(learner, "leerid.be"));
        assertEquals(List.of("student", "member"), Claim.AFFILIATION.oidcValues(learner, "leerid.be"));
        assertEquals(List.of("student@012345.leerid.be", "member@012345.leerid.be"),
                Claim.SCOPED_AFFILIATION.oidcValues(learner, "leerid.be"));
        assertEquals(List.of("012345"), Claim.ORGCODE.oidcValues(learner, "leerid.be"));
        assertEquals(List.of(), Claim.ENTITLEMENT.oidcValues(learner, "leerid.be"));
        assertEquals(List.of("5B"), Claim.CLASS.oidcValues(learner, "leerid.be"));
        assertEquals(List.of("Lotte"), Claim.GIVEN_NAME.oidcValues(learner, "leerid.be"));
    }

    @Test
    void samlSubjectIdIsScoped() {
        assertEquals(List.of("10000001@leerid.be"), Claim.LEERID.samlValues(learner, "leerid.be"));
        assertEquals(List.of("Peeters"), Claim.FAMILY_NAME.samlValues(learner, "leerid.be"));
    }

    @Test
    void scopedAffiliationWithoutSchoolUsesLeeridScope() {
        PersonRecord person = new PersonRecord("1", null, null, List.of("staff"), List.of(), List.of(), null, null);
        assertEquals(List.of("staff@leerid.be"), Claim.SCOPED_AFFILIATION.oidcValues(person, "leerid.be"));
    }

    @Test
    void claimsAreFoundByOidcName() {
        assertEquals(Claim.ORGCODE, Claim.byOidcName("ov_orgcode").orElseThrow());
        assertEquals(false, Claim.byOidcName("email").isPresent());
    }
}
