package be.leerid.school;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import be.leerid.identifiers.ServiceUse;

/**
 * A week of a school's service use as the console shows it: the seven days ending on {@code last}, one row per
 * service that someone of the school logged in to, with the number of people each day.
 */
public record UsageWeek(LocalDate last, List<LocalDate> days, List<Row> rows) {

    public static final int DAYS = 7;

    /** @param people one count per day of the week, oldest first */
    public record Row(String service, List<Integer> people) {
    }

    public UsageWeek {
        days = List.copyOf(days);
        rows = List.copyOf(rows);
    }

    /** The week's first day. */
    public static LocalDate firstDay(LocalDate last) {
        return last.minusDays(DAYS - 1);
    }

    /**
     * The last day a console address asks for: today when absent.
     *
     * @throws IllegalArgumentException if it is not a day (yyyy-mm-dd) or lies after today
     */
    public static LocalDate lastDay(String asked, LocalDate today) {
        if (asked == null || asked.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asked.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'until' must be a day written yyyy-mm-dd");
        }
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("'until' must not lie after today");
        }
        return day;
    }

    /**
     * @param use  the school's counts in the week (others are ignored)
     * @param name a service's name by its id; null for a service that no longer exists (left out)
     */
    public static UsageWeek of(LocalDate last, List<ServiceUse> use, Function<String, String> name) {
        LocalDate first = firstDay(last);
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        Map<String, Integer[]> byService = new LinkedHashMap<>();
        for (ServiceUse count : use) {
            if (count.day().isBefore(first) || count.day().isAfter(last)) {
                continue;
            }
            Integer[] people = byService.computeIfAbsent(count.service(), service -> zeros());
            people[(int) (count.day().toEpochDay() - first.toEpochDay())] += count.people();
        }
        List<Row> rows = new ArrayList<>();
        byService.forEach((service, people) -> {
            String shown = name.apply(service);
            if (shown != null) {
                rows.add(new Row(shown, List.of(people)));
            }
        });
        rows.sort(Comparator.comparing(Row::service, String.CASE_INSENSITIVE_ORDER));
        return new UsageWeek(last, days, rows);
    }

    private static Integer[] zeros() {
        Integer[] people = new Integer[DAYS];
        Arrays.fill(people, 0);
        return people;
    }
}
