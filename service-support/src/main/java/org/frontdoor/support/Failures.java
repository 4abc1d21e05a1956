package org.frontdoor.support;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a passing outage (retry later) from a failure that will happen again however often it is tried. */
public final class Failures {

    private Failures() {
    }

    /** True when the database or broker could not be reached: the same work may succeed later. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // 08: the connection failed; 57P01-57P03: the server is shutting down or not yet accepting connections
            // (a pooled connection the server terminated answers 57P01 before the pool notices it is gone)
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().matches("57P0[123]")))
                    || String.valueOf(sql.getMessage()).startsWith("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the same work may well succeed if simply tried again: an outage ({@link #isUnavailable}), or a
     * transaction PostgreSQL gave up to let another go first (a deadlock, a serialization failure, a lock wait that
     * timed out). Never a reason to dead-letter an event.
     */
    public static boolean isRetryable(Throwable error) {
        if (isUnavailable(error)) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The failure as a log may show it: each cause's class (and SQLState) and stack frames, none of its messages. A
     * database error quotes the row it refused and a parser the text it choked on, either of which may hold a child's
     * name or the concern.
     */
    public static Throwable withoutMessages(Throwable error) {
        Throwable cause = error.getCause() == null || error.getCause() == error ? null
                : withoutMessages(error.getCause());
        String what = error.getClass().getName()
                + (error instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")" : "");
        Redacted copy = new Redacted(what, cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** A failure's class and frames without its message ({@link #withoutMessages}). */
    static final class Redacted extends RuntimeException {
        Redacted(String what, Throwable cause) {
            super(what, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
