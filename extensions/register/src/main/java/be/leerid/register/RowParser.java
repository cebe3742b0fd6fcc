package be.leerid.register;

import be.leerid.identifiers.SchoolNumber;

import be.leerid.identifiers.LeerIds;
import be.leerid.identifiers.NationalRegisterNumber;
import be.leerid.identifiers.SchoolRole;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one JSON row into a {@link RegisterRecord}, or says in a few words (no values) what is wrong. */
final class RowParser {

    static final Pattern LEERID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    static final Pattern STAFF_ID = Pattern.compile("^[A-Za-z0-9]{1,32}$");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Thrown for a bad row; the message is safe to log. */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private RowParser() {
    }

    /** A learner row may merge at most this many records into itself. */
    static final int MAX_REPLACES = 10;

    static RegisterRecord.Learner learner(JsonNode row, LocalDate today, boolean mergesAllowed) throws Rejected {
        String leerid = text(row, "leerid");
        if (leerid == null) {
            throw new Rejected("missing leerid");
        }
        if (!LEERID.matcher(leerid).matches()) {
            throw new Rejected("leerid has an invalid format");
        }
        LocalDate birthDate = date(row, "birthDate", true);
        if (birthDate.isBefore(EARLIEST) || birthDate.isAfter(today)) {
            throw new Rejected("impossible birthDate");
        }
        JsonNode enrolments = array(row, "enrolments");
        List<Enrolment> parsed = new ArrayList<>();
        for (JsonNode e : enrolments) {
            LocalDate start = date(e, "start", true);
            LocalDate end = date(e, "end", false);
            checkPeriod(start, end, "enrolment");
            parsed.add(new Enrolment(school(e), bounded(e, "grade", 16), bounded(e, "class", 32), start, end));
        }
        return new RegisterRecord.Learner(leerid, name(row, "givenName"), name(row, "familyName"), birthDate, parsed,
                replaces(row, leerid, mergesAllowed));
    }

    static RegisterRecord.Staff staff(JsonNode row) throws Rejected {
        String staffId = text(row, "staffId");
        if (staffId == null) {
            throw new Rejected("missing staffId");
        }
        if (!STAFF_ID.matcher(staffId).matches()) {
            throw new Rejected("staffId has an invalid format");
        }
        String nrn = text(row, "nationalRegisterNumber");
        if (!NationalRegisterNumber.isValid(nrn)) {
            throw new Rejected("missing or invalid nationalRegisterNumber");
        }
        JsonNode assignments = array(row, "assignments");
        List<Assignment> parsed = new ArrayList<>();
        for (JsonNode a : assignments) {
            SchoolRole role = SchoolRole.of(text(a, "role"))
                    .orElseThrow(() -> new Rejected("unknown role (teacher, school-leader or ict-coordinator)"));
            LocalDate start = date(a, "start", true);
            LocalDate end = date(a, "end", false);
            checkPeriod(start, end, "assignment");
            parsed.add(new Assignment(school(a), role, start, end));
        }
        return new RegisterRecord.Staff(staffId, nrn, name(row, "givenName"), name(row, "familyName"), parsed);
    }

    private static List<String> replaces(JsonNode row, String leerid, boolean mergesAllowed) throws Rejected {
        JsonNode node = row.get("replaces");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!mergesAllowed) {
            throw new Rejected("replaces needs feed version 2");
        }
        if (!node.isArray() || node.size() > MAX_REPLACES) {
            throw new Rejected("replaces must be a list of at most " + MAX_REPLACES + " LeerIDs");
        }
        List<String> replaced = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || !LEERID.matcher(id.asText()).matches() || LeerIds.isStaff(id.asText())) {
                throw new Rejected("replaces holds an invalid learner LeerID");
            }
            if (id.asText().equals(leerid)) {
                throw new Rejected("a learner cannot replace their own LeerID");
            }
            if (replaced.contains(id.asText())) {
                throw new Rejected("replaces names a LeerID twice");
            }
            replaced.add(id.asText());
        }
        return replaced;
    }

    private static void checkPeriod(LocalDate start, LocalDate end, String what) throws Rejected {
        if (end != null && end.isBefore(start)) {
            throw new Rejected(what + " ends before it starts");
        }
    }

    private static String school(JsonNode node) throws Rejected {
        String school = text(node, "school");
        if (!SchoolNumber.isValid(school)) {
            throw new Rejected("unknown school format (5 or 6 digit institution number)");
        }
        return school;
    }

    private static JsonNode array(JsonNode row, String field) throws Rejected {
        JsonNode node = row.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new Rejected("missing " + field);
        }
        return node;
    }

    private static String name(JsonNode row, String field) throws Rejected {
        String value = text(row, field);
        if (value == null || value.isBlank()) {
            throw new Rejected("missing " + field);
        }
        if (value.length() > 255) {
            throw new Rejected(field + " is longer than 255 characters");
        }
        return value.strip();
    }

    private static String bounded(JsonNode node, String field, int max) throws Rejected {
        String value = text(node, field);
        if (value != null && value.length() > max) {
            throw new Rejected(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static LocalDate date(JsonNode node, String field, boolean required) throws Rejected {
        String value = text(node, field);
        if (value == null) {
            if (required) {
                throw new Rejected("missing " + field);
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Rejected("impossible " + field);
        }
    }

    private static String text(JsonNode node, String field) throws Rejected {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Rejected(field + " must be a string");
        }
        return value.asText();
    }
}
