package org.frontdoor.benchmark;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/** Binds a statement's parameters in order, each with the setter intake's JDBC driver is called with. */
final class SqlParams {

    /** A null, bound with its column's type as Hibernate binds it. */
    enum Null {
        TEXT, TIMESTAMP, DATE, INTEGER, UUID
    }

    private SqlParams() {
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(ps, i + 1, values[i]);
        }
    }

    private static void bind(PreparedStatement ps, int at, Object value) throws SQLException {
        if (value instanceof Null n) {
            bindNull(ps, at, n);
        } else if (value instanceof String s) {
            ps.setString(at, s);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(at, b);
        } else if (value instanceof Integer n) {
            ps.setInt(at, n);
        } else if (value instanceof Timestamp t) {
            ps.setTimestamp(at, t);
        } else {
            ps.setObject(at, value);
        }
    }

    private static void bindNull(PreparedStatement ps, int at, Null n) throws SQLException {
        switch (n) {
            case TEXT -> ps.setString(at, null);
            case TIMESTAMP -> ps.setTimestamp(at, null);
            case DATE -> ps.setObject(at, null, Types.DATE);
            case INTEGER -> ps.setObject(at, null, Types.INTEGER);
            case UUID -> ps.setObject(at, null, Types.OTHER);
        }
    }
}
