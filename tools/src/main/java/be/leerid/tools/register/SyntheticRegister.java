package be.leerid.tools.register;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

import be.leerid.identifiers.SchoolRole;
import be.leerid.register.FeedHeader;

/**
 * Deterministic synthetic registers: the same seed and sizes give the same feeds, byte for byte.
 * Flemish-looking names, schools of realistic size (primary ~220, secondary ~650 learners), grades
 * that match ages, and deltas with moves between schools, leavers and newcomers. Used by the demo
 * data, the tests and the benchmark. Person {@code i} is computed from the seed and {@code i}
 * alone, so huge feeds stream without being held in memory.
 */
public final class SyntheticRegister {

    private static final String[] GIVEN = {"Lotte", "Noah", "Emma", "Arthur", "Louise", "Jules", "Olivia", "Lucas",
            "Mila", "Liam", "Ella", "Adam", "Marie", "Louis", "Nora", "Victor", "Lina", "Mathis", "Elena", "Finn",
            "Sofie", "Wout", "Fien", "Stan", "Jana", "Rune", "Lore", "Seppe", "Hanne", "Warre", "Amber", "Bram",
            "Yasmine", "Mohamed", "Anouk", "Tuur", "Zoë", "Matteo", "Axelle", "Ibrahim"};
    private static final String[] FAMILY = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
            "Goossens", "Wouters", "De Smet", "Hermans", "Aerts", "Vermeulen", "Van Damme", "Lambrechts", "Pauwels",
            "Michiels", "Vandenberghe", "De Clercq", "Martens", "Segers", "Dewulf", "Verstraete", "Van den Broeck",
            "Cools", "Smets", "Coppens", "Desmet", "Vermeersch", "Van de Velde", "Bogaerts", "El Amrani", "Yilmaz",
            "De Backer", "Verhoeven", "Baert", "Stevens", "Wuyts", "Van Acker", "Declercq"};
    private static final int PRIMARY_SIZE = 220;
    private static final int SECONDARY_SIZE = 650;
    // Apart from the hand-written dev accounts (10000001...), so a demo register never touches them.
    private static final int FIRST_LEERID = 50_000_001;

    private final long seed;
    private final int learners;
    private final int staff;
    private final LocalDate today;
    private final LocalDate schoolYearStart;

    public SyntheticRegister(long seed, int learners, int staff, LocalDate today) {
        this.seed = seed;
        this.learners = learners;
        this.staff = staff;
        this.today = today;
        int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        this.schoolYearStart = LocalDate.of(year, 9, 1);
    }

    public static String leerid(int index) {
        return Integer.toString(FIRST_LEERID + index);
    }

    /** A full Discimus feed of every learner. */
    public void writeLearners(OutputStream out, long sequence) throws IOException {
        writeLearners(out, sequence, FeedHeader.Kind.FULL);
    }

    /** Every learner, as a full feed or as a delta (which adds and updates but never retires absentees). */
    public void writeLearners(OutputStream out, long sequence, FeedHeader.Kind kind) throws IOException {
        Writer w = writer(out);
        header(w, "discimus", kind, sequence);
        for (int i = 0; i < learners; i++) {
            learner(w, i, school(i), null);
        }
        end(w, learners);
    }

    /**
     * A Discimus delta of {@code count} newcomers, all at {@code school} (for a school larger than the generated ones);
     * their LeerIDs follow every learner of this register and the 1 % delta's newcomers.
     */
    public void writeOneSchool(OutputStream out, long sequence, String school, int count) throws IOException {
        Writer w = writer(out);
        header(w, "discimus", FeedHeader.Kind.DELTA, sequence);
        for (int k = 0; k < count; k++) {
            learner(w, 2 * learners + k, school, null);
        }
        end(w, count);
    }

    /** A full Edison feed of every staff member; about one in eight works at two schools. */
    public void writeStaff(OutputStream out, long sequence) throws IOException {
        writeStaff(out, sequence, FeedHeader.Kind.FULL);
    }

    /** Every staff member, as a full feed or as a delta. */
    public void writeStaff(OutputStream out, long sequence, FeedHeader.Kind kind) throws IOException {
        Writer w = writer(out);
        header(w, "edison", kind, sequence);
        for (int i = 0; i < staff; i++) {
            staffMember(w, i);
        }
        end(w, staff);
    }

    /**
     * A Discimus delta touching {@code share} of the learners: half move to another school, three in
     * ten leave, and newcomers make up the rest.
     */
    public void writeLearnerDelta(OutputStream out, long since, double share) throws IOException {
        Writer w = writer(out);
        header(w, "discimus", FeedHeader.Kind.DELTA, since + 1);
        int changed = (int) Math.round(learners * share);
        int moves = changed / 2;
        int leavers = changed * 3 / 10;
        int newcomers = changed - moves - leavers;
        int step = Math.max(1, learners / Math.max(1, moves + leavers));
        int rows = 0;
        for (int k = 0; k < moves + leavers; k++) {
            int i = (k * step) % learners;
            String oldSchool = school(i);
            if (k < moves) {
                learner(w, i, oldSchool, school((i + 977) % learners));
            } else {
                learner(w, i, oldSchool, "");
            }
            rows++;
        }
        for (int k = 0; k < newcomers; k++) {
            learner(w, learners + k, school(k), null);
            rows++;
        }
        end(w, rows);
    }

    /** How long ago a delta's leavers' enrolments ended: longer than any grace between schools. */
    static final int LEAVER_ENDED_DAYS_AGO = 150;

    /** The institution number of learner {@code i}'s school. */
    public String school(int i) {
        boolean secondary = i % 2 == 1;
        int size = secondary ? SECONDARY_SIZE : PRIMARY_SIZE;
        int school = (i / 2) / (size / 2);
        return String.format("%06d", (secondary ? 100_000 : 10_000) + school);
    }

    private void learner(Writer w, int i, String school, String movedTo) throws IOException {
        SplittableRandom r = random(i);
        boolean secondary = school.startsWith("1");
        int grade = 1 + r.nextInt(6);
        int age = (secondary ? 12 : 6) + grade - 1;
        LocalDate birth = schoolYearStart.minusYears(age).minusDays(r.nextInt(365));
        String klass = grade + String.valueOf((char) ('A' + r.nextInt(secondary ? 4 : 2)));
        StringBuilder row = new StringBuilder(256)
                .append("{\"type\":\"learner\",\"leerid\":\"").append(leerid(i))
                .append("\",\"givenName\":\"").append(pick(GIVEN, r))
                .append("\",\"familyName\":\"").append(pick(FAMILY, r))
                .append("\",\"birthDate\":\"").append(birth)
                .append("\",\"enrolments\":[");
        LocalDate start = schoolYearStart.minusYears(grade - 1L);
        if (movedTo == null) {
            enrolment(row, school, Integer.toString(grade), klass, start, null);
        } else if (!movedTo.isEmpty()) {
            enrolment(row, school, Integer.toString(grade), klass, start, today);
            row.append(',');
            enrolment(row, movedTo, Integer.toString(grade), grade + "A", today, null);
        } else {
            // A leaver whose enrolment ended long enough ago that no grace between schools (at most until
            // 30 September after a summer) still keeps the account: the delta disables them.
            LocalDate end = today.minusDays(LEAVER_ENDED_DAYS_AGO);
            enrolment(row, school, Integer.toString(grade), klass, start.isBefore(end) ? start : end.minusYears(1), end);
        }
        w.write(row.append("]}\n").toString());
    }

    private static void enrolment(StringBuilder row, String school, String grade, String klass, LocalDate start, LocalDate end) {
        row.append("{\"school\":\"").append(school).append("\",\"grade\":\"").append(grade)
                .append("\",\"class\":\"").append(klass).append("\",\"start\":\"").append(start).append('"');
        if (end != null) {
            row.append(",\"end\":\"").append(end).append('"');
        }
        row.append('}');
    }

    private void staffMember(Writer w, int i) throws IOException {
        SplittableRandom r = random(-1 - i);
        LocalDate birth = today.minusYears(23 + r.nextInt(40)).minusDays(r.nextInt(365));
        String role = switch (r.nextInt(20)) {
            case 0 -> SchoolRole.SCHOOL_LEADER.value();
            case 1 -> SchoolRole.ICT_COORDINATOR.value();
            default -> SchoolRole.TEACHER.value();
        };
        StringBuilder row = new StringBuilder(256)
                .append("{\"type\":\"staff\",\"staffId\":\"E").append(1_000_000 + i)
                .append("\",\"nationalRegisterNumber\":\"").append(nationalRegisterNumber(birth, i))
                .append("\",\"givenName\":\"").append(pick(GIVEN, r))
                .append("\",\"familyName\":\"").append(pick(FAMILY, r))
                .append("\",\"assignments\":[{\"school\":\"").append(school(r.nextInt(Math.max(1, learners))))
                .append("\",\"role\":\"").append(role).append("\",\"start\":\"").append(schoolYearStart.minusYears(r.nextInt(20)))
                .append("\"}");
        if (r.nextInt(8) == 0) {
            row.append(",{\"school\":\"").append(school(r.nextInt(Math.max(1, learners))))
                    .append("\",\"role\":\"").append(SchoolRole.TEACHER.value()).append("\",\"start\":\"").append(schoolYearStart).append("\"}");
        }
        w.write(row.append("]}\n").toString());
    }

    /** A checksum-valid, synthetic rijksregisternummer for the birth date. */
    static String nationalRegisterNumber(LocalDate birth, int serial) {
        String base = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(),
                1 + serial % 997);
        long value = Long.parseLong(base) + (birth.getYear() >= 2000 ? 2_000_000_000L : 0);
        return base + String.format("%02d", 97 - (value % 97));
    }

    private SplittableRandom random(long i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    }

    private static String pick(String[] names, SplittableRandom r) {
        return names[r.nextInt(names.length)];
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void header(Writer w, String register, FeedHeader.Kind kind, long sequence) throws IOException {
        boolean delta = kind == FeedHeader.Kind.DELTA;
        w.write("{\"format\":\"" + FeedHeader.FORMAT + "\",\"version\":" + FeedHeader.VERSION + ",\"register\":\"" + register
                + "\",\"kind\":\"" + (delta ? "delta" : "full") + "\",\"sequence\":" + sequence
                + (delta ? ",\"since\":" + (sequence - 1) : "") + "}\n");
    }

    private static void end(Writer w, int rows) throws IOException {
        w.write("{\"type\":\"end\",\"rows\":" + rows + "}\n");
        w.flush();
    }
}
