package org.frontdoor.referral.domain;

import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A native query's row read by column name, whichever JDBC type the driver gives a date or time as. */
final class Rows {

    private Rows() {
    }

    static Instant instant(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    static LocalDate date(Tuple row, String column) {
        Object value = row.get(column);
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
