package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.WHEN;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.events.codes.Coded;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageResults;
import org.frontdoor.triage.statutory.Assessment;
import org.frontdoor.triage.statutory.CharacteristicsService;
import org.frontdoor.triage.statutory.ChildCharacteristics;
import org.frontdoor.triage.statutory.Section47Enquiry;

/**
 * What the statutory work pages show: a referral's s17 assessments and s47 enquiries (each with the form that
 * records the one under way), and a child's characteristics, codes in words and dates as days. Read as the API
 * reads them: the referral's item and the characteristics through their services, which audit the read.
 */
@ApplicationScoped
public class StatutoryViews {

    @Inject
    QueueService queue;

    @Inject
    CharacteristicsService characteristics;

    @Inject
    AuditLog audit;

    /** A box to tick: a code, its words, ticked when the record (or the form posted back) has it. */
    public record Tick(String value, String label, boolean checked) {
    }

    /** The referral a statutory record belongs to: its item, the child's name, the day it became a referral. */
    public record Referral(UUID itemId, UUID referralId, String childName, UUID childKey, UUID caseId,
            String referralDate) {
    }

    /** One assessment, as recorded. */
    public record AssessmentRow(UUID id, String started, String due, String childSeen, String authorised,
            String factors, String conclusion) {
    }

    /**
     * A referral's assessments; {@code current} the one not yet authorised (its form), else none and a new one may
     * start. {@code values}: the form's fields, as recorded or as posted back.
     */
    public record AssessmentScreen(Referral referral, List<AssessmentRow> assessments, AssessmentRow current,
            long version, List<Tick> factors, Map<String, String> values) {

        public String title() {
            return "s17 assessment: " + referral.childName();
        }

        public List<Choice> yesNo() {
            return List.of(new Choice("true", "Yes", ""), new Choice("false", "No", ""));
        }

        public List<Choice> support() {
            return List.of(new Choice("true", "Yes: the child needs children's social care support", ""),
                    new Choice("false", "No", ""));
        }
    }

    /** One enquiry, as recorded. */
    public record EnquiryRow(UUID id, String strategyDiscussion, String started, String icpcDue, String icpc,
            String plan) {
    }

    /**
     * A referral's s47 enquiries; {@code latest} the one the form records (its conference and plan), and whether
     * another may start (none open). {@code startPosted}: the start form was posted back (the values are its, so
     * the page draws that form alone).
     */
    public record EnquiryScreen(Referral referral, List<EnquiryRow> enquiries, EnquiryRow latest, long version,
            boolean canStart, boolean startPosted, List<Choice> categories, Map<String, String> values) {

        public String title() {
            return "s47 enquiry and conference: " + referral.childName();
        }
    }

    /** A child's characteristics, with the form's choices. */
    public record CharacteristicsScreen(UUID childKey, String childName, String laChildId, String updated,
            long version, List<Choice> sexes, List<Choice> ethnicities, List<Tick> disabilities,
            List<Choice> upnReasons, Map<String, String> values) {

        public String title() {
            return "Characteristics: " + childName;
        }
    }

    @Transactional
    public AssessmentScreen assessment(UUID itemId, Map<String, String> posted) {
        Referral referral = referral(itemId);
        List<Assessment> all = Assessment.ofItem(itemId);
        audit.record("assessment.list", referral.referralId(), all.size() + " assessment(s) of item " + itemId);
        Assessment current = all.stream().filter(a -> a.authorisedOn == null).findFirst().orElse(null);
        Map<String, String> values = posted != null ? posted : current == null ? Map.of() : values(current);
        Set<String> ticked = Set.of(values.getOrDefault("factors", "").split(","));
        List<Tick> factors = Arrays.stream(AssessmentFactor.values()).filter(f -> !f.retired())
                .map(f -> new Tick(f.code(), f.code() + ": " + f.label(), ticked.contains(f.code()))).toList();
        return new AssessmentScreen(referral, all.stream().map(StatutoryViews::row).toList(),
                current == null ? null : row(current), current == null ? 0 : current.version, factors, values);
    }

    @Transactional
    public EnquiryScreen enquiry(UUID itemId, Map<String, String> posted, boolean startPosted) {
        Referral referral = referral(itemId);
        List<Section47Enquiry> all = Section47Enquiry.ofItem(itemId);
        audit.record("section47.list", referral.referralId(), all.size() + " enquiry(ies) of item " + itemId);
        Section47Enquiry latest = all.isEmpty() ? null : all.get(all.size() - 1);
        Map<String, String> values = posted != null ? posted : latest == null ? Map.of() : values(latest);
        List<Choice> categories = Arrays.stream(CategoryOfAbuse.values())
                .map(c -> new Choice(c.code(), c.label(), "")).toList();
        return new EnquiryScreen(referral, all.stream().map(StatutoryViews::row).toList(),
                latest == null ? null : row(latest), latest == null ? 0 : latest.version,
                latest == null || !latest.open(), startPosted, categories, values);
    }

    @Transactional
    public CharacteristicsScreen characteristics(UUID childKey, Map<String, String> posted) {
        ChildCharacteristics c = characteristics.get(childKey);
        Map<String, String> values = posted != null ? posted : values(c);
        Set<String> ticked = Set.of(values.getOrDefault("disabilities", "").split(","));
        return new CharacteristicsScreen(childKey, childName(childKey), c.laChildId,
                WHEN.format(c.updatedAt) + " by " + c.updatedBy, c.version, choices(org.frontdoor.events.codes.CensusSex.values()),
                choices(Ethnicity.values()),
                Arrays.stream(Disability.values()).map(d -> new Tick(d.code(), d.label(), ticked.contains(d.code())))
                        .toList(), choices(UpnUnknownReason.values()), values);
    }

    private Referral referral(UUID itemId) {
        TriageResults.Details d = queue.view(itemId);
        TriageItem item = d.item();
        String name = d.content().children().stream().filter(c -> c.childId().equals(item.childId)).findFirst()
                .map(ConsoleWords::name).orElse("A child");
        return new Referral(item.id, item.referralId, name, item.childKey, item.caseId,
                item.referralDate == null ? null : day(item.referralDate));
    }

    /** The child's name, from the latest contact about them. */
    static String childName(UUID childKey) {
        TriageItem item = TriageItem.find("childKey = ?1 order by receivedAt desc", childKey).firstResult();
        if (item == null) {
            return "A child";
        }
        org.frontdoor.triage.queue.TriageReferral r = org.frontdoor.triage.queue.TriageReferral
                .findById(item.referralId);
        return r == null ? "A child" : r.content().children().stream().filter(c -> c.childId().equals(item.childId))
                .findFirst().map(ConsoleWords::name).orElse("A child");
    }

    private static AssessmentRow row(Assessment a) {
        List<String> factors = a.factors.stream().map(code -> Coded.lookup(AssessmentFactor.class, code)
                .map(f -> code + ": " + f.label()).orElse(code)).toList();
        return new AssessmentRow(a.id, day(a.startedOn), day(a.dueOn), yesNo(a.childSeen),
                a.authorisedOn == null ? "Not yet" : day(a.authorisedOn) + " by " + a.authorisedBy,
                String.join("; ", factors), a.requiresSupport == null ? "" : a.requiresSupport
                        ? "Needs children's social care support" : "Does not need children's social care support");
    }

    private static EnquiryRow row(Section47Enquiry e) {
        String icpc = e.icpcOn != null ? day(e.icpcOn) : e.icpcNotRequired
                ? "Not needed (recorded by " + e.icpcNotRequiredBy + ")" : "Not yet held";
        String plan = e.planStartedOn == null ? "None" : "Started " + day(e.planStartedOn)
                + Coded.lookup(CategoryOfAbuse.class, e.planCategory).map(c -> ", " + c.label()).orElse("")
                + (e.planEndedOn == null ? "" : ", ended " + day(e.planEndedOn));
        return new EnquiryRow(e.id, day(e.strategyDiscussionOn), day(e.startedOn), day(e.icpcDueOn), icpc, plan);
    }

    private static Map<String, String> values(Assessment a) {
        Map<String, String> v = new HashMap<>();
        put(v, "startedOn", a.startedOn);
        put(v, "childSeen", a.childSeen);
        put(v, "authorisedOn", a.authorisedOn);
        v.put("factors", String.join(",", a.factors));
        put(v, "requiresSupport", a.requiresSupport);
        return v;
    }

    private static Map<String, String> values(Section47Enquiry e) {
        Map<String, String> v = new HashMap<>();
        put(v, "strategyDiscussionOn", e.strategyDiscussionOn);
        put(v, "startedOn", e.startedOn);
        put(v, "icpcOn", e.icpcOn);
        v.put("icpcNotRequired", String.valueOf(e.icpcNotRequired));
        put(v, "planStartedOn", e.planStartedOn);
        put(v, "planCategory", e.planCategory);
        put(v, "planEndedOn", e.planEndedOn);
        return v;
    }

    private static Map<String, String> values(ChildCharacteristics c) {
        Map<String, String> v = new HashMap<>();
        put(v, "sex", c.sex);
        put(v, "ethnicity", c.ethnicity);
        v.put("disabilities", String.join(",", c.disabilities));
        put(v, "upn", c.upn);
        put(v, "formerUpn", c.formerUpn);
        put(v, "upnUnknown", c.upnUnknown);
        put(v, "birthDate", c.birthDate);
        put(v, "expectedBirthDate", c.expectedBirthDate);
        put(v, "deathDate", c.deathDate);
        return v;
    }

    /** A recorded value as its form's field posts it; a date as a Date input's day, month and year. */
    private static void put(Map<String, String> values, String field, Object value) {
        if (value instanceof LocalDate d) {
            values.put(field + "-day", String.valueOf(d.getDayOfMonth()));
            values.put(field + "-month", String.valueOf(d.getMonthValue()));
            values.put(field + "-year", String.valueOf(d.getYear()));
        } else if (value != null) {
            values.put(field, value.toString());
        }
    }

    private static <E extends Enum<E> & Coded> List<Choice> choices(E[] values) {
        return Arrays.stream(values).map(e -> new Choice(e.code(), label(e), "")).toList();
    }

    private static String label(Coded c) {
        return c instanceof Ethnicity e ? e.label() : c instanceof UpnUnknownReason u ? u.code() + ": " + u.label()
                : c instanceof org.frontdoor.events.codes.CensusSex s ? s.label() : c.code();
    }

    static String day(LocalDate d) {
        return d == null ? "" : ConsoleWords.DAY.format(d);
    }

    private static String yesNo(Boolean b) {
        return b == null ? "Not recorded" : b ? "Yes" : "No";
    }
}
