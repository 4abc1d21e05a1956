package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.DAY;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.returns.CensusRuleFailure;
import org.frontdoor.returns.ChildFailures;
import org.frontdoor.triage.console.ReturnsQueries.Referral;
import org.frontdoor.triage.statutory.StatutoryReturns;

/**
 * What the returns page shows: the census years to choose from and Annex A's downloads for a period; a census
 * being made; and a census made, with how many children it holds and leaves out, and each child's failures with
 * the DfE rule's words and the way to the case where it is put right.
 */
@ApplicationScoped
public class ReturnsViews {

    /** Children with failures on one page of the census's report. */
    static final int PAGE_SIZE = 20;

    private static final Pattern EPISODE = Pattern.compile("^CINdetails\\[(\\d+)]");
    private static final List<String> LISTS = List.of("Contacts", "Early help", "Referrals", "Assessments",
            "Section 47 enquiries and initial child protection conferences");

    @Inject
    ReturnsQueries queries;

    /** One Annex A download: the link's words and where it goes. */
    public record Download(String id, String label, String href) {
    }

    /** The returns page: the census year offered first (this one), and Annex A's downloads for the period. */
    public record Start(String year, String thisYear, String from, String to, String period,
            List<Download> annexA) {

        /** The census year {@link #thisYear} in words, for the field's hint. */
        public String thisYearPeriod() {
            return ReturnsViews.period(Integer.parseInt(thisYear));
        }
    }

    /** A failure of one child: the rule, error or query, the validator's words, where, and where to put it right. */
    public record Failure(String rule, boolean query, String message, String where, String fixHref,
            String fixLabel) {
    }

    /** A child with failures: their census id, their name, left out or not, and each failure. */
    public record FailedChild(String laChildId, String name, boolean leftOut, UUID childKey, List<Failure> failures) {
    }

    /**
     * A census made (or checked): {@code file} is the file's name when there is one to download, else null with
     * {@code whyNoFile}; {@code page} of {@code pages}, each with up to {@link #PAGE_SIZE} children.
     */
    public record CensusScreen(int year, String period, boolean made, int children, int included, int leftOut,
            int withQueries, List<FailedChild> failed, List<Failure> returnLevel, List<String> schemaErrors,
            String file, String whyNoFile, int page, int pages, long seconds) {

        /** This census's address, up to its page's number. */
        public String pagesHref() {
            return "/console/returns/census?year=" + year + "&page=";
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    public Start start(LocalDate today, String year, LocalDate from, LocalDate to) {
        int current = censusYear(today);
        List<Download> annexA = new ArrayList<>();
        String query = "?from=" + from + "&to=" + to;
        annexA.add(new Download("annex-a-workbook", "Annex A workbook, lists 1 to 5 (Excel)",
                "/console/returns/annex-a" + query));
        for (int n = 1; n <= LISTS.size(); n++) {
            annexA.add(new Download("annex-a-list-" + n, "List " + n + ": " + LISTS.get(n - 1) + " (CSV)",
                    "/console/returns/annex-a/lists/" + n + query));
        }
        return new Start(year == null ? String.valueOf(current) : year, String.valueOf(current), from.toString(),
                to.toString(),
                DAY.format(from) + " to " + DAY.format(to), annexA);
    }

    /** "1 April 2026 to 31 March 2027": the census year that ends on 31 March of {@code year}. */
    static String period(int year) {
        return "1 April " + (year - 1) + " to 31 March " + year;
    }

    /** The census year holding {@code day}: the one whose 31 March is next (or is the day). */
    static int censusYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() + 1 : day.getYear();
    }

    /** Page {@code page} (from 1) of a census made: the children left out first, then those with queries only. */
    @Transactional
    public CensusScreen census(StatutoryReturns.Census census, boolean made, int page, long seconds) {
        List<ChildFailures> all = new ArrayList<>(census.checked().failures());
        all.sort(Comparator.comparing(c -> !c.blocking())); // stable: the census's own order within each
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<ChildFailures> onPage = all.subList((shown - 1) * PAGE_SIZE, Math.min(all.size(), shown * PAGE_SIZE));
        List<UUID> keys = onPage.stream().map(c -> census.childKeys().get(c.child().laChildId()))
                .filter(k -> k != null).toList();
        Map<UUID, List<Referral>> referrals = queries.referrals(keys, census.header().periodStart(),
                census.header().referenceDate());
        Map<UUID, String> names = queries.names(keys);
        List<FailedChild> failed = onPage.stream().map(c -> {
            UUID key = census.childKeys().get(c.child().laChildId());
            String name = names.getOrDefault(key, "A child");
            List<Referral> theirs = referrals.getOrDefault(key, List.of());
            return new FailedChild(c.child().laChildId(), name, c.blocking(), key,
                    c.failures().stream().map(f -> failure(f, key, name, theirs)).toList());
        }).toList();
        int included = census.checked().accepted().size();
        int leftOut = census.checked().rejected().size();
        boolean file = made && census.offerable() && census.schemaErrors().isEmpty();
        return new CensusScreen(census.header().year(), DAY.format(census.header().periodStart()) + " to "
                + DAY.format(census.header().referenceDate()), made, included + leftOut, included, leftOut,
                all.size() - leftOut,
                failed, census.checked().returnLevel().stream().map(f -> failure(f, null, null, List.of())).toList(),
                census.schemaErrors().stream().map(Object::toString).toList(),
                file ? "cin-census-" + census.header().laCode() + "-" + census.header().year() + "-"
                        + census.header().serialNo() + ".xml" : null,
                made && !census.offerable() ? census.whyNoFile() : null, shown, pages, seconds);
    }

    /**
     * The way to put a failure right: the case of the referral (CINdetails[n]) it is about, else the child's latest
     * case (the case page leads to the child's statutory records), else the child's own page.
     */
    private static Failure failure(CensusRuleFailure f, UUID key, String name, List<Referral> referrals) {
        String href = null;
        String label = null;
        if (key != null) {
            Referral chosen = null;
            Matcher m = f.field() == null ? null : EPISODE.matcher(f.field());
            if (m != null && m.find() && Integer.parseInt(m.group(1)) <= referrals.size()) {
                chosen = referrals.get(Integer.parseInt(m.group(1)) - 1);
            }
            if (chosen == null || chosen.caseId() == null) {
                chosen = referrals.stream().filter(r -> r.caseId() != null).reduce((a, b) -> b).orElse(null);
            }
            href = chosen == null ? "/console/children/" + key : "/console/cases/" + chosen.caseId();
            label = chosen == null ? name + "'s page" : name + "'s case (referral of "
                    + DAY.format(chosen.referralDate()) + ")";
        }
        return new Failure(f.rule(), f.query(), f.message(), f.field(), href, label);
    }
}
