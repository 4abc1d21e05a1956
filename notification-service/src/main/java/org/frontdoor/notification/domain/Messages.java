package org.frontdoor.notification.domain;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The message texts, one Qute file per kind under {@code src/main/resources/templates/messages/}, plain and
 * readable so the front door can reword them. Checked at build time: a misspelt field fails the build.
 * The models carry only what the recipient may be told; the public acknowledgement's model has no case
 * details at all, so its template cannot show any.
 */
@CheckedTemplate(basePath = "messages", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
public final class Messages {

    private Messages() {
    }

    /** A professional referrer's acknowledgement. */
    public static native TemplateInstance acknowledgement(Acknowledgement m);

    /** A relative's, acquaintance's or member of the public's acknowledgement: generic, no case details. */
    public static native TemplateInstance acknowledgementPublic(PublicAcknowledgement m);

    /** The outcome for one child, to a professional referrer. */
    public static native TemplateInstance outcome(Outcome m);

    public static native TemplateInstance caseStepped(CaseChange m);

    public static native TemplateInstance caseClosed(CaseChange m);

    public record Contact(String name, String email, String phone) {
    }

    public record ChildRef(int number, String childId) {
    }

    public record Acknowledgement(String referralId, String externalReference, String organisationName,
            String referrerName, String receivedAt, List<ChildRef> children, String outcomeDueBy,
            String outcomeLatestBy, Contact contact) {
    }

    public record PublicAcknowledgement(String reference, String receivedAt, Contact contact) {
    }

    public record Outcome(String referralId, String externalReference, String referrerName, int childNumber,
            String childId, int level, String levelName, String outcome, String pathway, String reasons,
            String decidedAt, Contact contact) {
    }

    public record CaseChange(String referralId, String caseId, String childId, String pathway, String direction,
            String rationale, String closureReasonCode, String closureReason, String summary, String leadWorker,
            String occurredAt, Contact contact) {
    }
}
