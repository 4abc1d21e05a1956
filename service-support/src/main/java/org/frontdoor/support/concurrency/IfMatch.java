package org.frontdoor.support.concurrency;

import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a record's version is its ETag, and a change sent with
 * {@code If-Match} applies only to the version the client saw, so a stale page cannot overwrite a
 * newer change (412). Without {@code If-Match} (or with {@code *}) the change is not conditional.
 */
public final class IfMatch {

    /** The longest ETag this gives, weak form included ({@code W/"-9223372036854775808"}); anything longer cannot match. */
    public static final int MAX_LENGTH = 24;

    private IfMatch() {
    }

    /** The strong ETag of a version: {@code "7"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; null when there is none or it is {@code *}. */
    public static Long parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // not one of ours: it cannot match any current version
            return -1L;
        }
    }

    /** Refuses with 412 when the client saw another version than the current one. */
    public static void check(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, what + " has changed since you read it"
                    + " (you have version " + expected + ", it is now " + current + "): read it again, then retry");
        }
    }
}
