package org.frontdoor.returns;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Counts working days for the census rules that are timed in them (45 working days for an assessment,
 * 15 for an initial child protection conference, one working day before 1 April). The services pass
 * their England and Wales calendar, e.g. {@code calendar::workingDaysBetween} of
 * {@code org.frontdoor.support.calendar.WorkingCalendar}, which has the same meaning; this library
 * keeps no bank holiday list of its own.
 */
@FunctionalInterface
public interface WorkingDays {

    /** Working days after {@code from}, up to and including {@code to}; 0 when {@code to} is not after it. */
    int between(LocalDate from, LocalDate to);

    default boolean isWorkingDay(LocalDate date) {
        return between(date.minusDays(1), date) == 1;
    }

    /** The last working day before {@code date}. */
    default LocalDate previousWorkingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        for (int i = 0; i < 30 && !isWorkingDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** Monday to Friday, no holidays: for tests and tools, not for a real return. */
    static WorkingDays weekdaysOnly() {
        return (from, to) -> {
            int count = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    count++;
                }
            }
            return count;
        };
    }
}
