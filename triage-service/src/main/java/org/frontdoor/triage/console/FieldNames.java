package org.frontdoor.triage.console;

import java.util.UUID;

/**
 * The names of the fields a page repeats for each of its records, e.g. {@code children[<item id>].level}: made here
 * only, for the templates' inputs and for the errors put beside them when a form is refused.
 */
final class FieldNames {

    /** A contact's children, each decided in the one decision form. */
    static final String CHILDREN = "children";
    /** The cases awaiting allocation, each with its own form. */
    static final String CASES = "cases";
    /** The could-not-inform tasks, each with its own form. */
    static final String TASKS = "tasks";
    /** A child's possible earlier records on the screening page, each with a merge form: merge[<item id>][<record>]. */
    static final String MERGE = "merge";
    /** ... and a "not the same child" form: notSame[<item id>][<record>]. */
    static final String NOT_SAME = "notSame";
    /** The records merged into a child, each with a form that separates it: separate[<record>]. */
    static final String SEPARATE = "separate";

    private FieldNames() {
    }

    /** What the names of one record's fields start with: {@code children[<id>].} */
    static String prefix(String list, UUID id) {
        return list + "[" + id + "].";
    }

    /** What the names of the fields about a pair of records start with: {@code merge[<item id>][<record>].} */
    static String prefix(String list, UUID id, UUID other) {
        return list + "[" + id + "][" + other + "].";
    }

    /** One field of one record: {@code children[<id>].level} */
    static String of(String list, UUID id, String field) {
        return prefix(list, id) + field;
    }
}
