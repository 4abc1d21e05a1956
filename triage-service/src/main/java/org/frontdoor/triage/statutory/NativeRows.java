package org.frontdoor.triage.statutory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.frontdoor.support.calendar.WorkingCalendar;

/** Values of native-query rows, as Hibernate hands them over (java.time or java.sql, depending on the column). */
final class NativeRows {

    private NativeRows() {
    }

    /** A date column (or a timestamp, as its day in England); null stays null. */
    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atZone(WorkingCalendar.ENGLAND).toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value.getClass());
    }
}
