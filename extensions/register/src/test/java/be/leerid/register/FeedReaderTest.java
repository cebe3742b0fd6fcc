package be.leerid.register;

import be.leerid.identifiers.NationalRegisterNumber;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String HEADER = "{\"format\":\"leerid-register-feed\",\"version\":1,\"register\":\"discimus\",\"kind\":\"full\",\"sequence\":7}";

    private static String learner(String leerid, String birthDate, String school, String start, String end) {
        return "{\"type\":\"learner\"" + (leerid == null ? "" : ",\"leerid\":\"" + leerid + "\"")
                + ",\"givenName\":\"Lotte\",\"familyName\":\"Peeters\",\"birthDate\":\"" + birthDate
                + "\",\"enrolments\":[{\"school\":\"" + school + "\",\"grade\":\"5\",\"class\":\"5B\",\"start\":\"" + start + "\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}]}";
    }

    private static FeedReader.Validation validate(String feed) throws Exception {
        return FeedReader.validate(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), TODAY);
    }

    @Test
    void badRowsAreReportedByLineAndTheRestIsValid() throws Exception {
        String feed = String.join("\n",
                HEADER,
                learner("10000001", "2015-04-12", "012345", "2025-09-01", null),
                learner(null, "2015-04-12", "012345", "2025-09-01", null),
                learner("10000002", "2015-02-30", "012345", "2025-09-01", null),
                learner("10000003", "2015-04-12", "12AB", "2025-09-01", null),
                learner("10000004", "2015-04-12", "012345", "2025-09-01", "2024-06-30"),
                learner("10000005", "2015-04-12", "012345", "2025-09-01", null),
                learner("10000005", "2015-04-12", "067890", "2025-09-01", null),
                "{not json",
                learner("10000006", "2031-01-01", "012345", "2025-09-01", null),
                "{\"type\":\"end\",\"rows\":9}", "");
        FeedReader.Validation validation = validate(feed);
        assertEquals(List.of(
                new RowProblem(3, "missing leerid"),
                new RowProblem(4, "impossible birthDate"),
                new RowProblem(5, "unknown school format (5 or 6 digit institution number)"),
                new RowProblem(6, "enrolment ends before it starts"),
                new RowProblem(7, "duplicate id (also on line 8)"),
                new RowProblem(8, "duplicate id (also on line 7)"),
                new RowProblem(9, "not valid JSON"),
                new RowProblem(10, "impossible birthDate")), validation.problems());
        assertEquals(1, validation.validRows());
        assertTrue(validation.validLeerids().containsKey("10000001"));
        for (RowProblem problem : validation.problems()) {
            assertFalse(problem.reason().contains("1000000"), "a report must not repeat personal data");
        }
    }

    private static String merging(String leerid, String... replaces) {
        return learner(leerid, "2015-04-12", "012345", "2025-09-01", null).replace("\"type\":\"learner\"",
                "\"type\":\"learner\",\"replaces\":[" + String.join(",", java.util.Arrays.stream(replaces).map(r -> "\"" + r + "\"").toList()) + "]");
    }

    @Test
    void versionTwoRowsMergeRecordsAndEveryRowClaimingAContestedLeerIdIsRejected() throws Exception {
        String v2 = HEADER.replace("\"version\":1", "\"version\":2");
        String feed = String.join("\n",
                v2,
                merging("20000001", "20000091"),
                merging("20000002", "20000092"),
                merging("20000003", "20000092"),
                merging("20000004", "20000005"),
                learner("20000005", "2015-04-12", "012345", "2025-09-01", null),
                merging("20000006", "20000006"),
                merging("20000007", "S-E1"),
                "{\"type\":\"end\",\"rows\":7}", "");
        FeedReader.Validation validation = validate(feed);
        assertEquals(List.of(
                new RowProblem(3, "replaces a LeerID that line 4 also claims"),
                new RowProblem(4, "replaces a LeerID that line 3 also claims"),
                new RowProblem(5, "replaces a LeerID that line 6 also claims"),
                new RowProblem(6, "replaces a LeerID that line 5 also claims"),
                new RowProblem(7, "a learner cannot replace their own LeerID"),
                new RowProblem(8, "replaces holds an invalid learner LeerID")), validation.problems());
        assertEquals(java.util.Set.of("20000001"), validation.validLeerids().keySet());
        assertTrue(validation.mentionedIds().containsAll(List.of("20000091", "20000092")), "a full feed never retires a replaced LeerID");
        List<RegisterRecord> records = new ArrayList<>();
        FeedReader.forEachValid(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), validation, TODAY, records::add);
        assertEquals(List.of("20000091"), ((RegisterRecord.Learner) records.get(0)).replaces());

        FeedReader.Validation v1 = validate(HEADER + "\n" + merging("20000001", "20000091") + "\n{\"type\":\"end\",\"rows\":1}\n");
        assertEquals(List.of(new RowProblem(2, "replaces needs feed version 2")), v1.problems());
    }

    @Test
    void truncatedFeedIsMalformed() {
        String feed = HEADER + "\n" + learner("10000001", "2015-04-12", "012345", "2025-09-01", null) + "\n";
        MalformedFeedException e = assertThrows(MalformedFeedException.class, () -> validate(feed));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        String wrongCount = feed + "{\"type\":\"end\",\"rows\":2}\n";
        assertThrows(MalformedFeedException.class, () -> validate(wrongCount));
    }

    @Test
    void wrongHeaderOrVersionIsMalformed() {
        assertThrows(MalformedFeedException.class, () -> validate("leerid,given,family\n"));
        assertThrows(MalformedFeedException.class, () -> validate(HEADER.replace("\"version\":1", "\"version\":3") + "\n{\"type\":\"end\",\"rows\":0}\n"));
        assertThrows(MalformedFeedException.class, () -> validate(HEADER.replace("\"version\":1", "\"version\":\"2\"") + "\n{\"type\":\"end\",\"rows\":0}\n"));
        assertThrows(MalformedFeedException.class, () -> validate(HEADER.replace("discimus", "smartschool") + "\n{\"type\":\"end\",\"rows\":0}\n"));
        assertThrows(MalformedFeedException.class, () -> validate(""));
    }

    @Test
    void notUtf8IsMalformed() throws Exception {
        byte[] latin1 = (HEADER + "\n" + learner("10000001", "2015-04-12", "012345", "2025-09-01", null)
                .replace("Peeters", "Pe\u00ebters") + "\n{\"type\":\"end\",\"rows\":1}\n").getBytes(StandardCharsets.ISO_8859_1);
        MalformedFeedException e = assertThrows(MalformedFeedException.class,
                () -> FeedReader.validate(new ByteArrayInputStream(latin1), new ByteArrayOutputStream(), TODAY));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void staffRowsCheckTheNationalRegisterNumber() throws Exception {
        String header = HEADER.replace("discimus", "edison");
        String valid = "{\"type\":\"staff\",\"staffId\":\"E1\",\"nationalRegisterNumber\":\""
                + "85073003328"
                + "\",\"givenName\":\"An\",\"familyName\":\"Wouters\",\"assignments\":[{\"school\":\"012345\",\"role\":\"teacher\",\"start\":\"2020-09-01\"},"
                + "{\"school\":\"067890\",\"role\":\"ict-coordinator\",\"start\":\"2020-09-01\"}]}";
        String invalid = valid.replace("\"E1\"", "\"E2\"").replaceAll("\"nationalRegisterNumber\":\"[0-9]+\"", "\"nationalRegisterNumber\":\"85073003399\"");
        FeedReader.Validation validation = validate(header + "\n" + valid + "\n" + invalid + "\n{\"type\":\"end\",\"rows\":2}\n");
        assertEquals(List.of(new RowProblem(3, "missing or invalid nationalRegisterNumber")), validation.problems());
        assertTrue(NationalRegisterNumber.isValid("85073003328"));
        assertFalse(NationalRegisterNumber.isValid("85073003329"));
    }
}
