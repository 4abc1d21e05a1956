package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;
import static org.frontdoor.triage.console.ConsoleWords.name;
import static org.frontdoor.triage.console.ConsoleWords.nonBlank;
import static org.frontdoor.triage.console.ConsoleWords.status;
import static org.frontdoor.triage.console.ConsoleWords.tag;
import static org.frontdoor.triage.console.ConsoleWords.timeLeft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.queue.TriageStatus;
import org.frontdoor.triage.screening.ThresholdRules;

/**
 * What the screening page shows of one contact: the concern, each child with their own item (decided or still to
 * decide), the checks with partner agencies, the questions asked of them (InformationRequestViews), and the choices and rules of the decision, in words.
 */
@ApplicationScoped
public class ScreeningViews {

    @Inject
    ThresholdRules rules;

    @Inject
    TriageConfig config;

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    ChildViews childViews;

    @Inject
    Clock clock;

    @Inject
    InformationRequestViews requests;

    public record Check(String agency, String organisation, String contactName, String when, String findings) {
    }

    /** An earlier contact about the same child: when, what was decided, whether it became a referral. */
    public record Earlier(UUID itemId, String when, String outcome, boolean referral, boolean sameDay) {
    }

    /** A child of the contact, with their own item, decided or still to decide. */
    public record Child(UUID itemId, String name, String born, String status, boolean decided, String outcome,
            long version, int suggestedLevel, List<String> reasons, List<Choice> outcomes, boolean openCase,
            String openCaseWorker, int referralsLast12Months, boolean reReferral, boolean current,
            List<Earlier> earlier, UUID childKey, List<ChildViews.Match> matches) {

        /** The name (and id) of one of this child's decision fields, e.g. children[id].level. */
        public String field(String name) {
            return FieldNames.of(FieldNames.CHILDREN, itemId, name);
        }
    }

    public record Screening(UUID itemId, long version, String childName, String priority, String tag, String due,
            String deadline, String timeLeft, String status, String concern, List<String> indicators,
            boolean immediateRisk, String referrer, String referrerContact, String source, List<String> household,
            String consent, List<Child> children, List<Check> checks, List<Choice> organisations, List<Choice> levels,
            List<Choice> needs, boolean anyToDecide, List<String> history, List<String> rules,
            InformationRequestViews.Requests requests, String reference, String externalReference) {
    }

    @Transactional
    public Screening screening(TriageResults.Details d) {
        TriageItem item = d.item();
        ReferralReceived content = d.content();
        List<Child> children = children(item, content);
        ReferralReceived.Referrer r = content.referrer();
        ReferralReceived.Concerns concerns = content.concerns();
        return new Screening(item.id, item.version, name(content.children().stream()
                .filter(c -> c.childId().equals(item.childId)).findFirst().orElse(content.children().get(0))),
                item.priority.name(), tag(item.priority), WHEN.format(item.deadline), item.deadline.toString(),
                timeLeft(Instant.now(clock), item.deadline), status(item.status), concerns.summary(),
                concerns.indicators() == null ? List.of() : concerns.indicators(), concerns.immediateRisk(),
                r == null ? "" : String.join(", ", nonBlank(r.name(), r.role(), r.organisationName())),
                r == null ? "" : String.join(", ", nonBlank(r.email(), r.phone())), r == null ? "" : r.sourceCode(),
                household(content), consent(content.consent()), children, checks(d), organisations(), levels(),
                needs(), children.stream().anyMatch(c -> !c.decided()), HistoryWords.of(d.history()),
                decisionRules(), requests.of(item.id, item.priority), content.reference(),
                r == null ? null : r.externalReference());
    }

    /**
     * Each child of the item's contact who has an item of their own, by that item's id, as error summaries name them:
     * "child 2 (A.S., born March 2016)". Empty when there is no such item (the form is then refused as not found).
     */
    @Transactional
    public Map<UUID, String> childReferences(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        TriageReferral referral = item == null ? null : TriageReferral.findById(item.referralId);
        Map<UUID, String> who = new HashMap<>();
        if (referral != null) {
            for (ReferralReceived.Child c : referral.content().children()) {
                TriageItem own = c.childId().equals(item.childId) ? item
                        : TriageItem.<TriageItem>find("childId", c.childId()).firstResult();
                if (own != null) {
                    who.put(own.id, ConsoleWords.childReference(c));
                }
            }
        }
        return who;
    }

    /** The contact's children who have an item, the one the page is about first. */
    private List<Child> children(TriageItem item, ReferralReceived content) {
        List<Child> children = new ArrayList<>();
        for (ReferralReceived.Child c : content.children()) {
            TriageItem own = c.childId().equals(item.childId) ? item
                    : TriageItem.<TriageItem>find("childId", c.childId()).firstResult();
            if (own != null) {
                children.add(child(c, own, own.id.equals(item.id)));
            }
        }
        children.sort(Comparator.comparing(c -> !c.current()));
        return children;
    }

    private Child child(ReferralReceived.Child c, TriageItem own, boolean current) {
        CareCase open = own.openCaseId == null ? null : CareCase.findById(own.openCaseId);
        boolean decided = own.status == TriageStatus.DECIDED || own.status == TriageStatus.AWAITING_APPROVAL;
        return new Child(own.id, name(c), ChildViews.born(c), status(own.status), decided,
                own.outcome == null ? null : own.outcome.label(), own.version, own.suggestedLevel,
                own.suggestionReasons.stream().map(r -> r.explanation()).toList(), outcomes(own),
                open != null && open.status == CareCase.Status.OPEN, own.openCaseWorker, own.referralsLast12Months,
                own.reReferral, current, earlier(own), own.childKey, childViews.matches(own));
    }

    private List<Check> checks(TriageResults.Details d) {
        return d.checks().stream().map(c -> new Check(ConsoleWords.code(c.agency.name()),
                c.organisation == null ? "" : partners.find(c.organisation).map(p -> p.name()).orElse(c.organisation),
                c.contactName, WHEN.format(c.checkedAt), c.findings)).toList();
    }

    private List<Choice> organisations() {
        return partners.active().stream().map(p -> new Choice(p.id(), p.name(), p.agencyType().name())).toList();
    }

    private static List<String> household(ReferralReceived content) {
        return content.householdMembers() == null ? List.of() : content.householdMembers().stream()
                .map(h -> h.name() + (h.relationship() == null ? "" : " (" + h.relationship() + ")")).toList();
    }

    /** The rules a decision is checked against, in words, from the partnership's threshold rules and settings. */
    private List<String> decisionRules() {
        List<String> said = new ArrayList<>();
        for (int level = 1; level <= 4; level++) {
            List<String> allowed = rules.outcomesFor(level).stream().sorted()
                    .filter(o -> o != Outcome.PASSED_TO_ALLOCATED_WORKER).map(o -> o.label().toLowerCase(Locale.UK))
                    .toList();
            said.add("At level " + level + ": " + String.join("; ", allowed) + ".");
        }
        said.add("A level other than the suggested one needs a reason.");
        said.add("A referral to children's social care needs the child's primary need.");
        said.add("Passing to the allocated worker is only for a child with an open case.");
        List<String> approval = new ArrayList<>();
        if (config.approval().onImmediateRisk()) {
            approval.add("a child at immediate risk");
        }
        approval.add("a suggested level of " + config.approval().fromSuggestedLevel() + " or more");
        said.add("An outcome below social care for " + String.join(" or ", approval)
                + " waits for a team manager's approval, by someone other than you.");
        return said;
    }

    /** The child's earlier contacts (the last ten), newest first; a contact of the same day is marked. */
    private static List<Earlier> earlier(TriageItem item) {
        LocalDate day = LocalDate.ofInstant(item.receivedAt, WorkingCalendar.ENGLAND);
        return TriageItem.<TriageItem>find("childKey = ?1 and receivedAt < ?2 order by receivedAt desc",
                item.childKey, item.receivedAt).page(0, 10).list().stream()
                .map(e -> new Earlier(e.id, WHEN.format(e.receivedAt), e.outcome == null ? status(e.status)
                        : e.outcome.label(), e.becameReferral,
                        LocalDate.ofInstant(e.receivedAt, WorkingCalendar.ENGLAND).equals(day)))
                .toList();
    }

    /** The outcomes the threshold rules allow, worded, with the level each needs as a hint. */
    private List<Choice> outcomes(TriageItem item) {
        List<Choice> choices = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (o == Outcome.PASSED_TO_ALLOCATED_WORKER && item.openCaseId == null) {
                continue; // only for a child with an open case
            }
            List<Integer> levels = new ArrayList<>();
            for (int level = 1; level <= 4; level++) {
                if (rules.outcomesFor(level).contains(o)) {
                    levels.add(level);
                }
            }
            String hint = o == Outcome.PASSED_TO_ALLOCATED_WORKER ? "Any level: the open case's worker takes it on"
                    : "Level " + String.join(" or ", levels.stream().map(String::valueOf).toList())
                            + (o.statutory() ? ". Makes the contact a referral" : "");
            choices.add(new Choice(o.name(), o.label(), hint));
        }
        return choices;
    }

    private static List<Choice> levels() {
        return List.of(new Choice("1", "Level 1: universal", "Needs met by universal services"),
                new Choice("2", "Level 2: early help, one agency", "Additional needs one agency can meet"),
                new Choice("3", "Level 3: targeted early help", "Multiple needs: a coordinated plan"),
                new Choice("4", "Level 4: children's social care", "Acute needs or risk of significant harm"));
    }

    private static List<Choice> needs() {
        return Arrays.stream(PrimaryNeed.values()).map(n -> new Choice(n.code(), n.code() + ": " + n.label(), ""))
                .toList();
    }

    private static String consent(ReferralReceived.Consent c) {
        if (c == null) {
            return "";
        }
        return (Boolean.TRUE.equals(c.familyAware()) ? "Family aware" : "Family not aware") + "; "
                + (Boolean.TRUE.equals(c.consentGiven()) ? "consent given" : "no consent: " + c.reasonWithoutConsent());
    }
}
