package org.frontdoor.returns;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.returns.AnnexARows.Assessment;
import org.frontdoor.returns.AnnexARows.Contact;
import org.frontdoor.returns.AnnexARows.EarlyHelp;
import org.frontdoor.returns.AnnexARows.Enquiry;
import org.frontdoor.returns.AnnexARows.Referral;

/**
 * Ofsted ILACS Annex A, the front door's lists 1 to 5 (Contacts, Early help, Referrals, Assessments,
 * Section 47 enquiries and ICPCs) for a period, usually the six months before the inspection.
 *
 * <p>Columns and pick lists follow the Annex A template (column names as in
 * SocialFinanceDigitalLabs/liia-tools-pipeline's Annex_A_schema.yml): dates {@code dd/MM/yyyy};
 * gender {@code a) Male}...; ethnicity {@code a) WBRI}...{@code t) NOBT} in census order; source
 * {@code a) 1A: Individual}...{@code u) 10: Unknown}, 5D (which the template lacks) as
 * {@code p1) 5D: LA services}; yes/no as {@code a) Yes}, {@code b) No}, {@code c) Unknown}. An unborn
 * child has no date of birth or age. Age is in whole years, by default at the period's last day
 * ({@link AgeBasis}). Rows are in date order.
 *
 * <p>What each list takes from the rows given:
 * <ul>
 * <li>List 1: contacts dated in the period.</li>
 * <li>List 2: early help assessments started by the end of the period and not completed before it began
 * (so those completed in it and those still going on).</li>
 * <li>List 3: referrals dated in the period; "Number of Referrals in Last 12 Months" counts the child's
 * earlier referrals (dated before this one) in the 12 months before it.</li>
 * <li>List 4: assessments open at any time in the period.</li>
 * <li>List 5: enquiries whose strategy discussion is in the period, or earlier and still open (no
 * conference, not deemed unnecessary) or with their conference in the period. The two counts are of the
 * child's earlier enquiries (strategy discussions) and earlier conferences in the 12 months before this
 * enquiry's strategy discussion, as list 3 counts referrals.</li>
 * </ul>
 */
public final class AnnexA {

    /** When a child's age is taken. */
    public enum AgeBasis {
        /** At the period's last day (the date the list is made for). */
        PERIOD_END,
        /** At the date of the row's event (contact, referral, assessment start...). */
        EVENT
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LocalDate from;
    private final LocalDate to;
    private final AgeBasis ageBasis;
    private final boolean sexHeader;

    /** Lists for the period {@code from} to {@code to}, both included. */
    public AnnexA(LocalDate from, LocalDate to) {
        this(from, to, AgeBasis.PERIOD_END, false);
    }

    private AnnexA(LocalDate from, LocalDate to, AgeBasis ageBasis, boolean sexHeader) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        this.from = from;
        this.to = to;
        this.ageBasis = Objects.requireNonNull(ageBasis);
        this.sexHeader = sexHeader;
    }

    /** The six months ending on {@code to}: from the day after the same date six months before. */
    public static AnnexA sixMonthsEnding(LocalDate to) {
        return new AnnexA(to.minusMonths(6).plusDays(1), to);
    }

    /** The same lists with ages taken on another basis. */
    public AnnexA ageAt(AgeBasis basis) {
        return new AnnexA(from, to, basis, sexHeader);
    }

    /** The same lists with the 2026 template's "Sex" heading instead of "Gender". */
    public AnnexA withSexHeading() {
        return new AnnexA(from, to, ageBasis, true);
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** Lists 1 to 5, in order. */
    public List<AnnexAList> lists(List<Contact> contacts, List<EarlyHelp> earlyHelp, List<Referral> referrals,
            List<Assessment> assessments, List<Enquiry> enquiries) {
        return List.of(contacts(contacts), earlyHelp(earlyHelp), referrals(referrals), assessments(assessments),
                section47s(enquiries));
    }

    /** List 1: Contacts. */
    public AnnexAList contacts(List<Contact> contacts) {
        List<AnnexAColumn<Contact>> columns = List.of(
                AnnexAColumn.date("Date of Contact", c -> date(c.contactDate())),
                AnnexAColumn.text("Contact Source", c -> source(c.source())));
        List<Contact> listed = contacts.stream().filter(c -> inPeriod(c.contactDate()))
                .sorted(byDate(Contact::contactDate)).toList();
        return list("List 1", "Contacts", columns, listed, Contact::child, Contact::contactDate);
    }

    /** List 2: Early help. */
    public AnnexAList earlyHelp(List<EarlyHelp> rows) {
        List<AnnexAColumn<EarlyHelp>> columns = List.of(
                AnnexAColumn.date("Assessment start date", e -> date(e.assessmentStart())),
                AnnexAColumn.date("Assessment completion date", e -> date(e.assessmentCompleted())),
                AnnexAColumn.text("Organisation completing assessment", e -> text(e.organisation())));
        List<EarlyHelp> listed = rows.stream().filter(e -> e.assessmentStart() != null
                && !e.assessmentStart().isAfter(to)
                && (e.assessmentCompleted() == null || !e.assessmentCompleted().isBefore(from)))
                .sorted(byDate(EarlyHelp::assessmentStart)).toList();
        return list("List 2", "Early help", columns, listed, EarlyHelp::child, EarlyHelp::assessmentStart);
    }

    /** List 3: Referrals. */
    public AnnexAList referrals(List<Referral> referrals) {
        Map<String, List<LocalDate>> history = datesByChild(referrals, Referral::child, Referral::referralDate);
        List<AnnexAColumn<Referral>> columns = List.of(
                AnnexAColumn.date("Date of referral", r -> date(r.referralDate())),
                AnnexAColumn.text("Referral Source", r -> source(r.source())),
                AnnexAColumn.text("Referral NFA?", r -> yesNo(r.nfa())),
                AnnexAColumn.integer("Number of Referrals in Last 12 Months",
                        r -> Long.toString(earlierWithinYear(history, r.child(), r.referralDate()))),
                AnnexAColumn.text("Allocated Team", r -> text(r.team())),
                AnnexAColumn.text("Allocated Worker", r -> text(r.worker())));
        List<Referral> listed = referrals.stream().filter(r -> inPeriod(r.referralDate()))
                .sorted(byDate(Referral::referralDate)).toList();
        return list("List 3", "Referrals", columns, listed, Referral::child, Referral::referralDate);
    }

    /** List 4: Assessments. */
    public AnnexAList assessments(List<Assessment> assessments) {
        List<AnnexAColumn<Assessment>> columns = List.of(
                AnnexAColumn.text("Does the Child have a Disability", a -> yesNoUnknown(a.child().disabled())),
                AnnexAColumn.date("Continuous Assessment Start Date", a -> date(a.start())),
                AnnexAColumn.text("Child Seen During Continuous Assessment", a -> yesNoUnknown(a.childSeen())),
                AnnexAColumn.date("Continuous Assessment Date of Authorisation", a -> date(a.authorised())),
                AnnexAColumn.text("Was the child assessed as requiring LA children's social care support?",
                        a -> a.requiresSupport() == null ? "" : yesNo(a.requiresSupport())),
                AnnexAColumn.text("Allocated Team", a -> text(a.team())),
                AnnexAColumn.text("Allocated Worker", a -> text(a.worker())));
        List<Assessment> listed = assessments.stream().filter(a -> a.start() != null && !a.start().isAfter(to)
                && (a.authorised() == null || !a.authorised().isBefore(from))).sorted(byDate(Assessment::start))
                .toList();
        return list("List 4", "Assessments", columns, listed, Assessment::child, Assessment::start);
    }

    /** List 5: Section 47 enquiries and initial child protection conferences. */
    public AnnexAList section47s(List<Enquiry> enquiries) {
        Predicate<Enquiry> listed = e -> e.strategyDiscussion() != null && !e.strategyDiscussion().isAfter(to)
                && (!e.strategyDiscussion().isBefore(from)
                        || (e.icpcDate() == null && !e.icpcNotRequired())
                        || (e.icpcDate() != null && !e.icpcDate().isBefore(from)));
        return list("List 5", "Section 47 enquiries and ICPCs", section47Columns(enquiries),
                enquiries.stream().filter(listed).sorted(byDate(Enquiry::strategyDiscussion)).toList(),
                Enquiry::child, Enquiry::strategyDiscussion);
    }

    private static List<AnnexAColumn<Enquiry>> section47Columns(List<Enquiry> enquiries) {
        Map<String, List<LocalDate>> starts = datesByChild(enquiries, Enquiry::child, Enquiry::strategyDiscussion);
        Map<String, List<LocalDate>> conferences = datesByChild(enquiries, Enquiry::child, Enquiry::icpcDate);
        return List.of(
                AnnexAColumn.text("Does the Child have a Disability", e -> yesNoUnknown(e.child().disabled())),
                AnnexAColumn.date("Strategy discussion initiating Section 47 Enquiry Start Date",
                        e -> date(e.strategyDiscussion())),
                AnnexAColumn.text("Was an Initial Child Protection Conference deemed unnecessary?",
                        e -> yesNo(e.icpcNotRequired())),
                AnnexAColumn.date("Date of Initial Child Protection Conference", e -> date(e.icpcDate())),
                AnnexAColumn.text("Did the Initial Child Protection Conference Result in a Child Protection Plan",
                        e -> e.icpcDate() == null ? "" : yesNoUnknown(e.icpcResultedInPlan())),
                AnnexAColumn.integer("Number of Section 47 Enquiries in the last 12 months",
                        e -> Long.toString(earlierWithinYear(starts, e.child(), e.strategyDiscussion()))),
                AnnexAColumn.integer("Number of ICPCs in the last 12 months",
                        e -> Long.toString(earlierWithinYear(conferences, e.child(), e.strategyDiscussion()))),
                AnnexAColumn.text("Allocated Team", e -> text(e.team())),
                AnnexAColumn.text("Allocated Worker", e -> text(e.worker())));
    }

    // ---------------------------------------------------------------- pick lists

    /** {@code a) WBRI} to {@code t) NOBT}: the letter is the code's place in the census order. */
    static String ethnicity(Ethnicity ethnicity) {
        return ethnicity == null ? "" : (char) ('a' + ethnicity.ordinal()) + ") " + ethnicity.code();
    }

    /**
     * The template's source pick list, lettered in census order: {@code a) 1A} to {@code p) 5C}, then 5D,
     * which the template lacks, as {@code p1)}, then {@code q) 6} to {@code u) 10}.
     */
    static String source(ReferralSource source) {
        if (source == null) {
            return "";
        }
        int place = source.ordinal(); // ReferralSource is in census order (CensusCodesTest pins it)
        int p1 = ReferralSource.LA_EARLY_HELP.ordinal();
        String letter = place < p1 ? String.valueOf((char) ('a' + place))
                : place == p1 ? "p1" : String.valueOf((char) ('a' + place - 1));
        String name = switch (source) {
            case INDIVIDUAL_FAMILY, INDIVIDUAL_ACQUAINTANCE, INDIVIDUAL_SELF, INDIVIDUAL_OTHER -> "Individual";
            case SCHOOLS -> "Schools";
            case EDUCATION_SERVICES -> "Education services";
            case HEALTH_GP, HEALTH_VISITOR, SCHOOL_NURSE, OTHER_PRIMARY_HEALTH, A_AND_E, HEALTH_OTHER ->
                "Health services";
            case HOUSING -> "Housing";
            case LA_SOCIAL_CARE, LA_OTHER_INTERNAL, ANOTHER_LA, LA_EARLY_HELP -> "LA services";
            case POLICE -> "Police";
            case OTHER_LEGAL_AGENCY -> "Other legal agency";
            case OTHER -> "Other";
            case ANONYMOUS -> "Anonymous";
            case UNKNOWN -> "Unknown";
        };
        return letter + ") " + source.code() + ": " + name;
    }

    private static String yesNo(boolean value) {
        return value ? "a) Yes" : "b) No";
    }

    private static String yesNoUnknown(Boolean value) {
        return value == null ? "c) Unknown" : yesNo(value);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String text(String text) {
        return text == null ? "" : text.strip();
    }

    // ---------------------------------------------------------------- helpers

    private boolean inPeriod(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    private static <T> Comparator<T> byDate(Function<T, LocalDate> date) {
        return Comparator.comparing(date, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static <T> Map<String, List<LocalDate>> datesByChild(List<T> rows, Function<T, AnnexAChild> child,
            Function<T, LocalDate> date) {
        Map<String, List<LocalDate>> dates = new HashMap<>();
        for (T row : rows) {
            LocalDate d = date.apply(row);
            AnnexAChild c = child.apply(row);
            if (d != null && c != null && c.childId() != null) {
                dates.computeIfAbsent(c.childId(), k -> new ArrayList<>()).add(d);
            }
        }
        return dates;
    }

    /** The child's dates before {@code date} and no more than 12 months before it. */
    private static long earlierWithinYear(Map<String, List<LocalDate>> dates, AnnexAChild child, LocalDate date) {
        LocalDate yearBefore = date.minusMonths(12);
        return dates.getOrDefault(child.childId(), List.of()).stream()
                .filter(d -> d.isBefore(date) && !d.isBefore(yearBefore)).count();
    }

    private String age(AnnexAChild child, LocalDate event) {
        if (child.birthDate() == null) {
            return "";
        }
        LocalDate at = ageBasis == AgeBasis.EVENT ? event : to;
        if (at == null || at.isBefore(child.birthDate())) {
            return "";
        }
        return Integer.toString(Period.between(child.birthDate(), at).getYears());
    }

    /** A list: the five child columns, then the list's own, a row per event in {@code rows}' order. */
    private <T> AnnexAList list(String sheet, String title, List<AnnexAColumn<T>> own, List<T> rows,
            Function<T, AnnexAChild> child, Function<T, LocalDate> event) {
        List<AnnexAColumn<T>> columns = new ArrayList<>();
        for (AnnexAColumn<ChildAt> column : childColumns()) {
            columns.add(column.of(row -> new ChildAt(child.apply(row), event.apply(row))));
        }
        columns.addAll(own);
        List<List<String>> cells = rows.stream()
                .map(row -> columns.stream().map(column -> column.cell().apply(row)).toList()).toList();
        return new AnnexAList(sheet, title, columns.stream().map(AnnexAColumn::header).toList(),
                columns.stream().map(AnnexAColumn::kind).toList(), cells);
    }

    /** The child of a row and the date of the row's event, which the child's age may be taken at. */
    private record ChildAt(AnnexAChild child, LocalDate event) {
    }

    private List<AnnexAColumn<ChildAt>> childColumns() {
        return List.of(
                AnnexAColumn.text("Child Unique ID", c -> text(c.child().childId())),
                AnnexAColumn.text(sexHeader ? "Sex" : "Gender",
                        c -> c.child().gender() == null ? "" : c.child().gender().pick()),
                AnnexAColumn.text("Ethnicity", c -> ethnicity(c.child().ethnicity())),
                AnnexAColumn.date("Date of Birth", c -> date(c.child().birthDate())),
                AnnexAColumn.integer("Age of Child (Years)", c -> age(c.child(), c.event())));
    }
}
