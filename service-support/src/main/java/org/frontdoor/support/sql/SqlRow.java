package org.frontdoor.support.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.EventJson;
import org.frontdoor.support.calendar.WorkingCalendar;

/**
 * A row of a native query, read by column name, each value converted once here from what the JDBC driver and
 * Hibernate hand over (java.time or java.sql, a varchar(1) as a Character, a jsonb array as text or a list). The
 * {@code *Queries} classes read their rows through it and return records: no caller reads a column by position.
 */
public record SqlRow(Tuple tuple) {

    /** The rows of {@code sql}, its {@code ?1, ?2...} bound to {@code params} in order. */
    @SuppressWarnings("unchecked")
    public static List<SqlRow> list(EntityManager em, String sql, Object... params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((List<Tuple>) query.getResultList()).stream().map(SqlRow::new).toList();
    }

    /** The one row of {@code sql} (a count, an aggregate). */
    public static SqlRow single(EntityManager em, String sql, Object... params) {
        return list(em, sql, params).get(0);
    }

    private Object value(String column) {
        return tuple.get(column);
    }

    public String string(String column) {
        Object v = value(column);
        return v == null ? null : v.toString();
    }

    public UUID uuid(String column) {
        Object v = value(column);
        return v == null ? null : v instanceof UUID u ? u : UUID.fromString(v.toString());
    }

    public Boolean bool(String column) {
        return (Boolean) value(column);
    }

    public long count(String column) {
        return ((Number) value(column)).longValue();
    }

    /** A date column (or a timestamp, as its day in England); null stays null. */
    public LocalDate date(String column) {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().atZone(WorkingCalendar.ENGLAND).toLocalDate();
        }
        throw new IllegalStateException(column + " is not a date: " + v.getClass());
    }

    public Instant instant(String column) {
        Object v = value(column);
        return v == null ? null : v instanceof Timestamp t ? t.toInstant() : v instanceof Instant i ? i
                : ((OffsetDateTime) v).toInstant();
    }

    /** A jsonb array of codes (text, or already a list); null is none. */
    @SuppressWarnings("unchecked")
    public List<String> codes(String column) {
        Object json = value(column);
        if (json == null) {
            return List.of();
        }
        if (json instanceof List<?> list) {
            return (List<String>) list;
        }
        try {
            return EventJson.mapper().readValue(json.toString(), new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column + " is not a JSON array of codes", e);
        }
    }
}
