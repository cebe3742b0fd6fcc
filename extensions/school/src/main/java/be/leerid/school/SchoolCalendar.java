package be.leerid.school;

import java.time.LocalDate;
import java.time.ZoneId;

/** Days as Flemish schools count them: in Belgian time, whatever the server's clock zone. */
public final class SchoolCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private SchoolCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
