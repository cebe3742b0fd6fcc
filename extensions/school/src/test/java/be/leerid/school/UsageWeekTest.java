package be.leerid.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.ServiceUse;
import org.junit.jupiter.api.Test;

class UsageWeekTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void weekEndsOnTheAskedDayWithOneRowPerServiceByName() {
        List<ServiceUse> use = List.of(
                new ServiceUse("s1", "067890", LocalDate.of(2026, 11, 27), 12),
                new ServiceUse("s1", "067890", TODAY, 3),
                new ServiceUse("k1", "067890", LocalDate.of(2026, 12, 1), 40),
                new ServiceUse("k1", "067890", LocalDate.of(2026, 11, 26), 99),
                new ServiceUse("gone", "067890", TODAY, 5));
        Map<String, String> names = Map.of("s1", "Smartschool", "k1", "KlasCement");
        UsageWeek week = UsageWeek.of(TODAY, use, names::get);

        assertEquals(LocalDate.of(2026, 11, 27), week.days().get(0));
        assertEquals(TODAY, week.days().get(6));
        assertEquals(List.of(new UsageWeek.Row("KlasCement", List.of(0, 0, 0, 0, 40, 0, 0)),
                new UsageWeek.Row("Smartschool", List.of(12, 0, 0, 0, 0, 0, 3))), week.rows());
    }

    @Test
    void aWeekWithoutLoginsHasNoRows() {
        assertEquals(List.of(), UsageWeek.of(TODAY, List.of(), id -> id).rows());
    }

    @Test
    void theAskedDayIsTodayOrAnEarlierDay() {
        assertEquals(TODAY, UsageWeek.lastDay(null, TODAY));
        assertEquals(TODAY, UsageWeek.lastDay(" ", TODAY));
        assertEquals(LocalDate.of(2026, 9, 1), UsageWeek.lastDay("2026-09-01", TODAY));
        assertEquals("'until' must not lie after today",
                assertThrows(IllegalArgumentException.class, () -> UsageWeek.lastDay("2026-12-04", TODAY)).getMessage());
        assertEquals("'until' must be a day written yyyy-mm-dd",
                assertThrows(IllegalArgumentException.class, () -> UsageWeek.lastDay("3/12/2026", TODAY)).getMessage());
        assertEquals("'until' must be a day written yyyy-mm-dd",
                assertThrows(IllegalArgumentException.class, () -> UsageWeek.lastDay("2026-02-30", TODAY)).getMessage());
    }
}
