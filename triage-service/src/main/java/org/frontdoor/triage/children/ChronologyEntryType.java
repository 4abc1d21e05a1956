package org.frontdoor.triage.children;

/** What kind of event a chronology entry is. */
public enum ChronologyEntryType {
    CONTACT,
    DECISION,
    CHECK,
    CASE_STEP,
    ASSESSMENT,
    SECTION47_ENQUIRY,
    MESSAGE_TO_REFERRER,
    RECORDS_MERGED,
    RECORDS_SEPARATED
}
