package org.frontdoor.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the wire, with the topic it travels on and its current schema version.
 * The wire name (e.g. {@code referral.received}) is what consumers switch on; a Java class name
 * never goes on the wire. A breaking payload change gets a new type, not a silent new version.
 */
public enum EventType {
    REFERRAL_RECEIVED("referral.received", Topics.REFERRAL_EVENTS, 1),
    /** The slim twin of referral.received for the notification service (no child names, dates of birth, concern). */
    REFERRAL_LOGGED("referral.logged", Topics.REFERRAL_NOTICES, 1),
    /** On referral-notices, after its referral.logged: only the notification service acts on consent to share. */
    REFERRAL_CONSENT_RECORDED("referral.consent-recorded", Topics.REFERRAL_NOTICES, 1),
    /**
     * A contact's record reached the end of its retention period and was deleted by intake: every service deletes
     * what it holds of that referral. Also written to referral-notices, for the notification service.
     */
    REFERRAL_ERASED("referral.erased", Topics.REFERRAL_EVENTS, 1),
    TRIAGE_QUEUED("triage.queued", Topics.TRIAGE_EVENTS, 1),
    TRIAGE_DECIDED("triage.decided", Topics.TRIAGE_EVENTS, 1),
    CASE_OPENED("case.opened", Topics.TRIAGE_EVENTS, 1),
    CASE_ALLOCATED("case.allocated", Topics.TRIAGE_EVENTS, 1),
    CASE_STEPPED("case.stepped", Topics.TRIAGE_EVENTS, 1),
    CASE_CLOSED("case.closed", Topics.TRIAGE_EVENTS, 1),
    /**
     * The MASH found two records to be one child: the duplicate's data counts under the survivor (childKey). About
     * no referral: keyed by the duplicate, so its merge and a later unmerge stay in order.
     */
    CHILD_MERGED("child.merged", Topics.TRIAGE_EVENTS, 1, false),
    /** A merge undone: the duplicate is a child of its own again. Keyed by the duplicate. */
    CHILD_UNMERGED("child.unmerged", Topics.TRIAGE_EVENTS, 1, false),
    /** The MASH asked a partner organisation about the children of a contact: the partner is told where to read it. */
    INFORMATION_REQUESTED("information.requested", Topics.TRIAGE_EVENTS, 1),
    /** A request passed its deadline unanswered: the partner is reminded (a second message). */
    INFORMATION_CHASED("information.chased", Topics.TRIAGE_EVENTS, 1),
    /** A strategy discussion was held: each attending agency is told its outcome. */
    STRATEGY_DISCUSSION_HELD("strategy-discussion.held", Topics.TRIAGE_EVENTS, 1),
    NOTIFICATION_SENT("notification.sent", Topics.NOTIFICATION_EVENTS, 1),
    NOTIFICATION_FAILED("notification.failed", Topics.NOTIFICATION_EVENTS, 1),
    /** An organisation of the partner directory as it now stands (created, changed or deactivated). */
    PARTNER_CHANGED("partner.changed", Topics.PARTNER_EVENTS, 1, false);

    private final String wireName;
    private final String topic;
    private final int schemaVersion;
    private final boolean aboutAReferral;

    EventType(String wireName, String topic, int schemaVersion) {
        this(wireName, topic, schemaVersion, true);
    }

    EventType(String wireName, String topic, int schemaVersion, boolean aboutAReferral) {
        this.wireName = wireName;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
        this.aboutAReferral = aboutAReferral;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * False for the partner directory's events and a child's merges: their envelope has no referral id and their key
     * is the subject.
     */
    public boolean aboutAReferral() {
        return aboutAReferral;
    }

    /** Classpath location of the JSON Schema of this type's whole envelope. */
    public String schemaResource() {
        return "/schemas/" + wireName + ".v" + schemaVersion + ".schema.json";
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
