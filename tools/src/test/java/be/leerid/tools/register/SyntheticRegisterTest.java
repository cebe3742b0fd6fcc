package be.leerid.tools.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.leerid.register.FeedHeader;
import be.leerid.register.FeedReader;
import be.leerid.register.RegisterRecord;
import org.junit.jupiter.api.Test;

/** The synthetic register writes feeds the real reader accepts, the same for the same seed. */
class SyntheticRegisterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static byte[] generate(SyntheticRegister register) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        register.writeLearners(out, 1);
        return out.toByteArray();
    }

    @Test
    void generatedFeedsAreValidAndDeterministic() throws Exception {
        byte[] feed = generate(new SyntheticRegister(42, 2_000, 300, TODAY));
        assertArrayEquals(feed, generate(new SyntheticRegister(42, 2_000, 300, TODAY)));
        FeedReader.Validation validation = FeedReader.validate(new ByteArrayInputStream(feed), new ByteArrayOutputStream(), TODAY);
        assertEquals(List.of(), validation.problems());
        assertEquals(2_000, validation.validRows());

        ByteArrayOutputStream staff = new ByteArrayOutputStream();
        new SyntheticRegister(42, 2_000, 300, TODAY).writeStaff(staff, 1);
        FeedReader.Validation staffValidation = FeedReader.validate(new ByteArrayInputStream(staff.toByteArray()),
                new ByteArrayOutputStream(), TODAY);
        assertEquals(List.of(), staffValidation.problems());
        assertEquals(300, staffValidation.validRows());
    }

    @Test
    void deltaHoldsMovesLeaversAndNewcomers() throws Exception {
        SyntheticRegister register = new SyntheticRegister(42, 1_000, 0, TODAY);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        register.writeLearnerDelta(delta, 1, 0.10);
        ByteArrayOutputStream spool = new ByteArrayOutputStream();
        FeedReader.Validation validation = FeedReader.validate(new ByteArrayInputStream(delta.toByteArray()), spool, TODAY);
        assertEquals(List.of(), validation.problems());
        assertEquals(FeedHeader.Kind.DELTA, validation.header().kind());
        List<RegisterRecord> records = new ArrayList<>();
        FeedReader.forEachValid(new ByteArrayInputStream(spool.toByteArray()), validation, TODAY, records::add);
        assertEquals(100, records.size());
        long leavers = records.stream().filter(r -> r.standingOn(TODAY, be.leerid.register.EnrolmentGrace.DEFAULT) == be.leerid.register.Standing.LEFT).count();
        long movers = records.stream().filter(r -> ((RegisterRecord.Learner) r).enrolments().size() == 2).count();
        assertEquals(30, leavers);
        assertEquals(50, movers);
    }
}
