package be.leerid.register;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import be.leerid.identifiers.LeerIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a register feed (docs/register-feed.md) in two passes, so a broken file changes nothing:
 * {@link #validate} reads it all, copies it to a spool and judges every row; only then does
 * {@link #forEachValid} hand the valid rows of the spool to the sync.
 */
public final class FeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer lines are not a person; refusing them keeps a hostile file from exhausting memory. */
    static final int MAX_LINE_CHARS = 64 * 1024;

    /** The outcome of pass one. */
    /**
     * @param validLeerids   ids of the valid rows, with their line
     * @param mentionedIds   ids of every row that names one, valid or not: a full feed's absentees are
     *                       the accounts whose id is not mentioned, so a bad row never disables its person
     */
    public record Validation(FeedHeader header, long rows, List<RowProblem> problems, BitSet rejectedLines,
                             Map<String, Long> validLeerids, Set<String> mentionedIds) {

        public long validRows() {
            return validLeerids.size();
        }
    }

    private FeedReader() {
    }

    /**
     * Pass one. Reads the whole feed as strict UTF-8, copies it to {@code spool} and validates it.
     *
     * @throws MalformedFeedException if the feed as a whole is unusable: nothing may be applied
     */
    public static Validation validate(InputStream feed, OutputStream spool, LocalDate today)
            throws IOException, MalformedFeedException {
        BufferedReader reader = strictUtf8(feed);
        BufferedWriter copy = new BufferedWriter(new OutputStreamWriter(spool, StandardCharsets.UTF_8));
        FeedHeader header = null;
        Long declaredRows = null;
        long rows = 0;
        long lineNumber = 0;
        List<RowProblem> problems = new ArrayList<>();
        BitSet rejected = new BitSet();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, Boolean> reportedDuplicates = new HashMap<>();
        Set<String> mentioned = new HashSet<>();
        // A LeerID that a row merges into itself (replaces), with that row's line: no other row may claim it.
        Map<String, Long> replacedBy = new HashMap<>();
        try {
            for (String line = readLine(reader, lineNumber + 1); line != null; line = readLine(reader, lineNumber + 1)) {
                lineNumber++;
                copy.write(line);
                copy.write('\n');
                if (line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = header(line, lineNumber);
                    continue;
                }
                if (declaredRows != null) {
                    throw new MalformedFeedException(lineNumber, "content after the end line");
                }
                JsonNode row;
                try {
                    row = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    rows++;
                    reject(problems, rejected, lineNumber, "not valid JSON");
                    continue;
                }
                String type = row.path("type").asText("");
                if (type.equals("end")) {
                    if (!row.path("rows").canConvertToLong()) {
                        throw new MalformedFeedException(lineNumber, "the end line has no row count");
                    }
                    declaredRows = row.path("rows").asLong();
                    continue;
                }
                rows++;
                mentionedId(row).ifPresent(mentioned::add);
                mentioned.addAll(replacedIds(row));
                try {
                    RegisterRecord record = parse(header, type, row, today);
                    Long earlier = firstLine.putIfAbsent(record.leerid(), lineNumber);
                    if (earlier != null) {
                        reject(problems, rejected, lineNumber, "duplicate id (also on line " + earlier + ")");
                        if (reportedDuplicates.putIfAbsent(record.leerid(), true) == null) {
                            reject(problems, rejected, earlier, "duplicate id (also on line " + lineNumber + ")");
                        }
                    }
                    Long replacedOn = replacedBy.get(record.leerid());
                    if (replacedOn != null) {
                        rejectContested(problems, rejected, lineNumber, replacedOn);
                    }
                    if (record instanceof RegisterRecord.Learner learner) {
                        for (String replaced : learner.replaces()) {
                            Long other = replacedBy.putIfAbsent(replaced, lineNumber);
                            Long own = firstLine.get(replaced);
                            if (other != null) {
                                rejectContested(problems, rejected, lineNumber, other);
                            } else if (own != null) {
                                rejectContested(problems, rejected, lineNumber, own);
                            }
                        }
                    }
                } catch (RowParser.Rejected e) {
                    reject(problems, rejected, lineNumber, e.getMessage());
                }
            }
            copy.flush();
        } catch (CharacterCodingException e) {
            throw new MalformedFeedException(lineNumber + 1, "the feed is not UTF-8");
        }
        if (header == null) {
            throw new MalformedFeedException(0, "the feed is empty: no header line");
        }
        if (declaredRows == null) {
            throw new MalformedFeedException(lineNumber, "the feed is truncated: no end line");
        }
        if (declaredRows != rows) {
            throw new MalformedFeedException(lineNumber, "the feed is truncated or padded: the end line declares "
                    + declaredRows + " rows, the feed has " + rows);
        }
        Map<String, Long> valid = new HashMap<>(firstLine);
        valid.values().removeIf(line -> rejected.get(Math.toIntExact(line)));
        problems.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new Validation(header, rows, List.copyOf(problems), rejected, valid, mentioned);
    }

    /** Pass two: the valid person rows of a spool that passed {@link #validate}, in order. */
    public static void forEachValid(InputStream spool, Validation validation, LocalDate today,
                                    Consumer<RegisterRecord> action) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(spool, StandardCharsets.UTF_8));
        long lineNumber = 0;
        boolean headerSeen = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                continue;
            }
            if (validation.rejectedLines().get(Math.toIntExact(lineNumber))) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String type = row.path("type").asText("");
            if (type.equals("end")) {
                return;
            }
            try {
                action.accept(parse(validation.header(), type, row, today));
            } catch (RowParser.Rejected e) {
                throw new IllegalStateException("line " + lineNumber + " passed validation but not parsing", e);
            }
        }
    }

    private static RegisterRecord parse(FeedHeader header, String type, JsonNode row, LocalDate today) throws RowParser.Rejected {
        return switch (header.register()) {
            case DISCIMUS -> {
                if (!type.equals("learner")) {
                    throw new RowParser.Rejected("a Discimus feed holds only rows of type learner");
                }
                yield RowParser.learner(row, today, header.hasMerges());
            }
            case EDISON -> {
                if (!type.equals("staff")) {
                    throw new RowParser.Rejected("an Edison feed holds only rows of type staff");
                }
                yield RowParser.staff(row);
            }
        };
    }

    private static Optional<String> mentionedId(JsonNode row) {
        if (row.path("leerid").isTextual()) {
            return Optional.of(row.path("leerid").asText());
        }
        if (row.path("staffId").isTextual()) {
            return Optional.of(LeerIds.ofStaff(row.path("staffId").asText()));
        }
        return Optional.empty();
    }

    private static FeedHeader header(String line, long lineNumber) throws MalformedFeedException {
        JsonNode header;
        try {
            header = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedFeedException(lineNumber, "the header is not valid JSON");
        }
        if (!FeedHeader.FORMAT.equals(header.path("format").asText())) {
            throw new MalformedFeedException(lineNumber, "the header's format is not " + FeedHeader.FORMAT);
        }
        int version = header.path("version").asInt(-1);
        if (!header.path("version").isInt() || version < FeedHeader.FIRST_VERSION || version > FeedHeader.VERSION) {
            throw new MalformedFeedException(lineNumber, "unsupported feed version; this LeerID reads versions "
                    + FeedHeader.FIRST_VERSION + " to " + FeedHeader.VERSION);
        }
        FeedHeader.Register register;
        FeedHeader.Kind kind;
        try {
            register = FeedHeader.Register.valueOf(header.path("register").asText().toUpperCase(Locale.ROOT));
            kind = FeedHeader.Kind.valueOf(header.path("kind").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedFeedException(lineNumber, "the header needs register (discimus or edison) and kind (full or delta)");
        }
        if (!header.path("sequence").canConvertToLong()) {
            throw new MalformedFeedException(lineNumber, "the header has no sequence number");
        }
        Long since = null;
        if (kind == FeedHeader.Kind.DELTA) {
            if (!header.path("since").canConvertToLong()) {
                throw new MalformedFeedException(lineNumber, "a delta header needs since, the sequence it follows");
            }
            since = header.path("since").asLong();
        }
        return new FeedHeader(version, register, kind, header.path("sequence").asLong(), since);
    }

    /** Both rows claim one LeerID (one replaces it, the other is it or replaces it too): neither is applied. */
    private static void rejectContested(List<RowProblem> problems, BitSet rejected, long line, long otherLine) {
        String reason = "replaces a LeerID that line %d also claims";
        if (!rejected.get(Math.toIntExact(line))) {
            reject(problems, rejected, line, String.format(reason, otherLine));
        }
        if (!rejected.get(Math.toIntExact(otherLine))) {
            reject(problems, rejected, otherLine, String.format(reason, line));
        }
    }

    /** The LeerIDs a row says it replaces, valid or not: a full feed never retires them as absentees. */
    private static List<String> replacedIds(JsonNode row) {
        List<String> ids = new ArrayList<>();
        row.path("replaces").forEach(id -> {
            if (id.isTextual()) {
                ids.add(id.asText());
            }
        });
        return ids;
    }

    private static void reject(List<RowProblem> problems, BitSet rejected, long line, String reason) {
        problems.add(new RowProblem(line, reason));
        rejected.set(Math.toIntExact(line));
    }

    private static BufferedReader strictUtf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static String readLine(BufferedReader reader, long lineNumber) throws IOException, MalformedFeedException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                return stripCr(line);
            }
            if (line.length() >= MAX_LINE_CHARS) {
                throw new MalformedFeedException(lineNumber, "line longer than " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : stripCr(line);
    }

    private static String stripCr(StringBuilder line) {
        int last = line.length() - 1;
        return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
    }

}
