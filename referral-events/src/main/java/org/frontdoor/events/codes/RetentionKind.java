package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The retention schedule's kinds of record (docs/retention.md), as {@code referral.erased} names them. */
public enum RetentionKind implements Coded {
    /** A contact that never became a referral. */
    CONTACTS("contacts"),
    /** A contact that became a referral: part of the child's social care record. */
    CHILDRENS_RECORDS("childrens-records");

    private final String code;

    RetentionKind(String code) {
        this.code = code;
    }

    /** The schedule's name of the kind, also its configuration key. */
    @JsonValue
    @Override
    public String code() {
        return code;
    }

    public static Optional<RetentionKind> fromCode(String code) {
        return Coded.lookup(RetentionKind.class, code);
    }
}
