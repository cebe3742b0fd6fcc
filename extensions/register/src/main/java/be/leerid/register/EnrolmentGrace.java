package be.leerid.register;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * How long a person whose last enrolment or assignment ended stays a member before they are a leaver: a pupil who
 * leaves primary school in June and starts secondary school in September keeps their account over the summer.
 * An enrolment whose last day is in June, July or August lasts until {@code summerUntil} (default 30 September) of
 * that year; any other ends {@code days} (default 30) after its end.
 *
 * @param summerUntil null: no summer rule, only {@code days}
 */
public record EnrolmentGrace(int days, MonthDay summerUntil) {

    public static final int DEFAULT_DAYS = 30;
    public static final MonthDay DEFAULT_SUMMER_UNTIL = MonthDay.of(9, 30);
    public static final EnrolmentGrace DEFAULT = new EnrolmentGrace(DEFAULT_DAYS, DEFAULT_SUMMER_UNTIL);

    public EnrolmentGrace {
        if (days < 0 || days > 366) {
            throw new IllegalArgumentException("the grace after an enrolment must be between 0 and 366 days");
        }
    }

    /**
     * @param end the first day no longer enrolled (a feed's {@code end})
     * @return the first day the person is a leaver
     */
    public LocalDate leaverFrom(LocalDate end) {
        LocalDate byDays = end.plusDays(days);
        LocalDate lastDay = end.minusDays(1);
        int month = lastDay.getMonthValue();
        if (summerUntil != null && month >= 6 && month <= 8) {
            LocalDate summer = summerUntil.atYear(lastDay.getYear()).plusDays(1);
            return summer.isAfter(byDays) ? summer : byDays;
        }
        return byDays;
    }
}
