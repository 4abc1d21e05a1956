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
import org.frontdoor.returns.AnnexAList.Kind;
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
        Table table = new Table("List 1", "Contacts");
        table.column("Date of Contact", Kind.DATE).column("Contact Source", Kind.TEXT);
        contacts.stream().filter(c -> inPeriod(c.contactDate())).sorted(byDate(Contact::contactDate))
                .forEach(c -> table.row(c.child(), c.contactDate(), date(c.contactDate()), source(c.source())));
        return table.build();
    }

    /** List 2: Early help. */
    public AnnexAList earlyHelp(List<EarlyHelp> rows) {
        Table table = new Table("List 2", "Early help");
        table.column("Assessment start date", Kind.DATE).column("Assessment completion date", Kind.DATE)
                .column("Organisation completing assessment", Kind.TEXT);
        rows.stream().filter(e -> e.assessmentStart() != null && !e.assessmentStart().isAfter(to)
                && (e.assessmentCompleted() == null || !e.assessmentCompleted().isBefore(from)))
                .sorted(byDate(EarlyHelp::assessmentStart))
                .forEach(e -> table.row(e.child(), e.assessmentStart(), date(e.assessmentStart()),
                        date(e.assessmentCompleted()), text(e.organisation())));
        return table.build();
    }

    /** List 3: Referrals. */
    public AnnexAList referrals(List<Referral> referrals) {
        Table table = new Table("List 3", "Referrals");
        table.column("Date of referral", Kind.DATE).column("Referral Source", Kind.TEXT)
                .column("Referral NFA?", Kind.TEXT).column("Number of Referrals in Last 12 Months", Kind.INTEGER)
                .column("Allocated Team", Kind.TEXT).column("Allocated Worker", Kind.TEXT);
        Map<String, List<LocalDate>> history = datesByChild(referrals, Referral::child, Referral::referralDate);
        referrals.stream().filter(r -> inPeriod(r.referralDate())).sorted(byDate(Referral::referralDate))
                .forEach(r -> table.row(r.child(), r.referralDate(), date(r.referralDate()), source(r.source()),
                        yesNo(r.nfa()), Long.toString(earlierWithinYear(history, r.child(), r.referralDate())),
                        text(r.team()), text(r.worker())));
        return table.build();
    }

    /** List 4: Assessments. */
    public AnnexAList assessments(List<Assessment> assessments) {
        Table table = new Table("List 4", "Assessments");
        table.column("Does the Child have a Disability", Kind.TEXT)
                .column("Continuous Assessment Start Date", Kind.DATE)
                .column("Child Seen During Continuous Assessment", Kind.TEXT)
                .column("Continuous Assessment Date of Authorisation", Kind.DATE)
                .column("Was the child assessed as requiring LA children's social care support?", Kind.TEXT)
                .column("Allocated Team", Kind.TEXT).column("Allocated Worker", Kind.TEXT);
        assessments.stream().filter(a -> a.start() != null && !a.start().isAfter(to)
                && (a.authorised() == null || !a.authorised().isBefore(from))).sorted(byDate(Assessment::start))
                .forEach(a -> table.row(a.child(), a.start(), yesNoUnknown(a.child().disabled()), date(a.start()),
                        yesNoUnknown(a.childSeen()), date(a.authorised()),
                        a.requiresSupport() == null ? "" : yesNo(a.requiresSupport()), text(a.team()),
                        text(a.worker())));
        return table.build();
    }

    /** List 5: Section 47 enquiries and initial child protection conferences. */
    public AnnexAList section47s(List<Enquiry> enquiries) {
        Table table = new Table("List 5", "Section 47 enquiries and ICPCs");
        table.column("Does the Child have a Disability", Kind.TEXT)
                .column("Strategy discussion initiating Section 47 Enquiry Start Date", Kind.DATE)
                .column("Was an Initial Child Protection Conference deemed unnecessary?", Kind.TEXT)
                .column("Date of Initial Child Protection Conference", Kind.DATE)
                .column("Did the Initial Child Protection Conference Result in a Child Protection Plan", Kind.TEXT)
                .column("Number of Section 47 Enquiries in the last 12 months", Kind.INTEGER)
                .column("Number of ICPCs in the last 12 months", Kind.INTEGER)
                .column("Allocated Team", Kind.TEXT).column("Allocated Worker", Kind.TEXT);
        Map<String, List<LocalDate>> starts = datesByChild(enquiries, Enquiry::child, Enquiry::strategyDiscussion);
        Map<String, List<LocalDate>> conferences = datesByChild(enquiries, Enquiry::child, Enquiry::icpcDate);
        Predicate<Enquiry> listed = e -> e.strategyDiscussion() != null && !e.strategyDiscussion().isAfter(to)
                && (!e.strategyDiscussion().isBefore(from)
                        || (e.icpcDate() == null && !e.icpcNotRequired())
                        || (e.icpcDate() != null && !e.icpcDate().isBefore(from)));
        enquiries.stream().filter(listed).sorted(byDate(Enquiry::strategyDiscussion))
                .forEach(e -> table.row(e.child(), e.strategyDiscussion(), yesNoUnknown(e.child().disabled()),
                        date(e.strategyDiscussion()), yesNo(e.icpcNotRequired()), date(e.icpcDate()),
                        e.icpcDate() == null ? "" : yesNoUnknown(e.icpcResultedInPlan()),
                        Long.toString(earlierWithinYear(starts, e.child(), e.strategyDiscussion())),
                        Long.toString(earlierWithinYear(conferences, e.child(), e.strategyDiscussion())),
                        text(e.team()), text(e.worker())));
        return table.build();
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

    /** A list being built: the five child columns, then the list's own. */
    private final class Table {

        private final String sheet;
        private final String title;
        private final List<String> headers = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        Table(String sheet, String title) {
            this.sheet = sheet;
            this.title = title;
            column("Child Unique ID", Kind.TEXT).column(sexHeader ? "Sex" : "Gender", Kind.TEXT)
                    .column("Ethnicity", Kind.TEXT).column("Date of Birth", Kind.DATE)
                    .column("Age of Child (Years)", Kind.INTEGER);
        }

        Table column(String header, Kind kind) {
            headers.add(header);
            kinds.add(kind);
            return this;
        }

        void row(AnnexAChild child, LocalDate event, String... cells) {
            List<String> row = new ArrayList<>(headers.size());
            row.add(text(child.childId()));
            row.add(child.gender() == null ? "" : child.gender().pick());
            row.add(ethnicity(child.ethnicity()));
            row.add(date(child.birthDate()));
            row.add(age(child, event));
            row.addAll(List.of(cells));
            rows.add(row);
        }

        AnnexAList build() {
            return new AnnexAList(sheet, title, headers, kinds, rows);
        }
    }
}
