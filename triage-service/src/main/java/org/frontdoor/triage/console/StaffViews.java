package org.frontdoor.triage.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.console.ConsoleWords.Choice;
import org.frontdoor.triage.staff.Caseloads;
import org.frontdoor.triage.staff.StaffMember;
import org.frontdoor.triage.staff.StaffRole;
import org.frontdoor.triage.staff.StaffService;

/**
 * What the staff directory's pages show: the directory a page at a time, and one member of staff with their open
 * cases (to reallocate, once they are deactivated), in words.
 */
@ApplicationScoped
public class StaffViews {

    /** Members of staff a page. */
    static final int PAGE = 25;

    @Inject
    AllocationViews allocationViews;

    @Inject
    CaseViews caseViews;

    /** One member of staff as a row of the directory. */
    public record Row(String id, String name, String role, String team, String pathway, String caseload,
            String band, boolean active) {
    }

    /** A page of the directory: {@code page} from 0, of {@code pages}. */
    public record Directory(List<Row> rows, int page, int pages, long total, boolean mayChange) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }

        /** The page as people count them, from 1. */
        public int shown() {
            return page + 1;
        }

        /** The next page, as people count them. */
        public int next() {
            return page + 2;
        }
    }

    /**
     * One member of staff: their record in words, the cases they lead (each with the workers who could take it, when
     * they are inactive and the cases need reallocating), and the choices the change form offers.
     */
    public record Member(String id, String name, String email, String team, String role, String pathway,
            String caseload, String band, boolean active, long version, boolean signInLinked,
            List<CaseViews.CaseRow> openCases, List<Reallocation> reallocate, boolean mayChange,
            List<Choice> roles, List<Choice> pathways) {
    }

    /** An inactive member's open case, with the workers of its pathway who could take it. */
    public record Reallocation(CaseViews.CaseRow row, AllocationViews.Allocation allocation) {
    }

    public Directory directory(List<StaffService.Member> all, int page, boolean mayChange) {
        int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        List<Row> rows = Paging.slice(all, shown, PAGE).stream().map(m -> new Row(m.staff().id, m.staff().name,
                role(m.staff().role), m.staff().team, pathway(m.staff().pathway), caseload(m), band(m.caseloadBand()),
                m.staff().active)).toList();
        return new Directory(rows, shown, pages, all.size(), mayChange);
    }

    /** {@code everyone}: the directory, for the workers who could take the cases of an inactive member. */
    @Transactional
    public Member member(StaffService.Member m, List<StaffService.Member> everyone, boolean mayChange) {
        StaffMember s = m.staff();
        List<CareCase> open = m.openCases();
        List<CaseViews.CaseRow> rows = caseViews.caseRows(open);
        List<AllocationViews.Allocation> choices = s.active ? List.of() : allocationViews.allocation(open, everyone);
        List<Reallocation> reallocate = java.util.stream.IntStream.range(0, choices.size())
                .mapToObj(i -> new Reallocation(rows.get(i), choices.get(i))).toList();
        return new Member(s.id, s.name, s.email, s.team, role(s.role), pathway(s.pathway), caseload(m),
                band(m.caseloadBand()), s.active, s.version, s.subject != null, rows, reallocate, mayChange, roles(),
                pathways());
    }

    /** A blank form's choices, for the page that adds a member of staff. */
    public Member blank() {
        return new Member(null, null, null, null, null, null, null, null, true, 0, false, List.of(), List.of(), true,
                roles(), pathways());
    }

    /**
     * The staff service's refusals as a person reads them: the field's name first ("must not be blank" is the
     * name's), and codes in words.
     */
    static List<Problem.FieldError> inWords(List<Problem.FieldError> errors) {
        return errors.stream().map(e -> new Problem.FieldError(e.field(), words(label(e.field()), e.message())))
                .toList();
    }

    private static String words(String label, String message) {
        String text = message;
        for (StaffRole r : StaffRole.values()) {
            text = text.replace(r.name(), role(r).toLowerCase(Locale.UK));
        }
        for (Pathway p : List.of(Pathway.EARLY_HELP, Pathway.SOCIAL_CARE)) {
            text = text.replace(p.name(), pathway(p).toLowerCase(Locale.UK));
        }
        boolean fragment = !text.isEmpty() && Character.isLowerCase(text.charAt(0));
        return fragment && label != null ? label + " " + text : text;
    }

    private static String label(String field) {
        return switch (field) {
            case "id" -> "The staff id";
            case "name" -> "The name";
            case "email" -> "The email address";
            case "team" -> "The team";
            case "role" -> "The role";
            case "pathway" -> "The pathway";
            case "caseloadLimit" -> "The caseload limit";
            case "subject" -> "The sign-in";
            case "active" -> "Whether they work now";
            default -> null;
        };
    }

    static String role(StaffRole role) {
        return switch (role) {
            case TRIAGE_WORKER -> "Triage worker";
            case TEAM_MANAGER -> "Team manager";
            case SOCIAL_WORKER -> "Social worker";
            case EARLY_HELP_PRACTITIONER -> "Early help practitioner";
        };
    }

    private static String pathway(Pathway p) {
        return p == null || p == Pathway.NONE ? "Holds no cases" : ConsoleWords.pathway(p);
    }

    private static String caseload(StaffService.Member m) {
        return m.staff().holdsCases() || !m.openCases().isEmpty()
                ? m.openCases().size() + " of " + m.caseloadLimit() : "";
    }

    private static String band(Caseloads.Band band) {
        return switch (band) {
            case UNDER -> "Under the band";
            case WITHIN -> "Within the band";
            case OVER -> "Over their limit";
        };
    }

    private static List<Choice> roles() {
        return Arrays.stream(StaffRole.values()).map(r -> new Choice(r.name(), role(r), null)).toList();
    }

    private static List<Choice> pathways() {
        return List.of(new Choice("SOCIAL_CARE", "Social care", "Social workers"),
                new Choice("EARLY_HELP", "Early help", "Early help practitioners"),
                new Choice("", "Holds no cases", "Triage workers and team managers"));
    }
}
