package org.frontdoor.triage.console;

import static org.frontdoor.triage.console.ConsoleWords.DAY;
import static org.frontdoor.triage.console.ConsoleWords.ON_DAY;
import static org.frontdoor.triage.console.ConsoleWords.WHEN;
import static org.frontdoor.triage.console.ConsoleWords.name;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.triage.children.Chronology;
import org.frontdoor.triage.children.PossibleMatch;
import org.frontdoor.triage.children.PossibleMatches;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

/**
 * What the console shows of a child across their records: the possible earlier records beside each child on the
 * screening page, and the child's own page (the chronology, a page at a time, and the records merged into it).
 */
@ApplicationScoped
public class ChildViews {

    /** Chronology entries on one page of the child's page. */
    static final int PAGE_SIZE = 20;

    @Inject
    PossibleMatches possibleMatches;

    @Inject
    Chronology chronology;

    @Inject
    MergedRecordQueries merges;

    @Inject
    Actors actors;

    /** An earlier contact of a possible match: the day it came, what became of it, the way to its page. */
    public record EarlierContact(UUID itemId, String received, String outcome) {
    }

    /**
     * An earlier record ({@code childKey}) that may be the same child as the record {@code child} screened, with the
     * fields of its two forms (same child: merge; not the same child).
     */
    public record Match(UUID child, UUID childKey, String name, int score, List<String> reasons,
            List<EarlierContact> contacts) {

        public String mergeField() {
            return FieldNames.prefix(FieldNames.MERGE, child, childKey) + "reason";
        }

        public String notSameField() {
            return FieldNames.prefix(FieldNames.NOT_SAME, child, childKey) + "reason";
        }
    }

    /** One chronology entry: when (UK time), what kind, what happened, the contact or case it was about. */
    public record Entry(String when, String type, String summary, UUID itemId, UUID caseId) {
    }

    /** A record merged into the child: whose it was, who merged it, when and why; whether the viewer may undo it. */
    public record MergedRecord(UUID survivor, UUID record, String name, String merged, String reason,
            boolean separable) {

        public String field() {
            return FieldNames.prefix(FieldNames.SEPARATE, survivor, record) + "reason";
        }
    }

    /** A link of the pagination: a page's number, or (0) the gap between numbers. */
    public record PageLink(int number, boolean current) {

        public boolean gap() {
            return number == 0;
        }
    }

    /** The child's page: {@code page} counts from 1, of {@code pages}. */
    public record ChildPage(UUID childKey, String name, String born, List<Entry> entries, List<MergedRecord> merged,
            long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        /** Every page's number when there are few; else the first, the last, and those beside the current. */
        public List<PageLink> links() {
            List<PageLink> links = new ArrayList<>();
            for (int n = 1; n <= pages; n++) {
                if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
                    links.add(new PageLink(n, n == page));
                } else if (!links.isEmpty() && !links.get(links.size() - 1).gap()) {
                    links.add(new PageLink(0, false));
                }
            }
            return links;
        }
    }

    /** The item's child's possible earlier records, best first, in words. */
    @Transactional
    public List<Match> matches(TriageItem item) {
        return possibleMatches.of(item).stream().map(m -> match(item, m)).toList();
    }

    private static Match match(TriageItem item, PossibleMatch m) {
        List<EarlierContact> contacts = m.earlierContacts().stream().map(c -> new EarlierContact(c.triageItemId(),
                ON_DAY.format(c.receivedAt()), c.outcome() == null ? "Not decided yet" : c.outcome().label()))
                .toList();
        UUID latest = m.earlierContacts().stream().map(PossibleMatch.EarlierContact::triageItemId)
                .filter(id -> id != null).findFirst().orElse(null);
        // called, not passed as TriageItem::findById (a method reference misses Panache's entity methods)
        TriageItem earlier = latest == null ? null : TriageItem.findById(latest);
        return new Match(item.childKey, m.childKey(), earlier == null ? "An earlier record" : described(earlier),
                m.score(), m.reasons(), contacts);
    }

    /** Page {@code page} (from 1) of the child's page: the chronology and the merged records, audited as a read. */
    @Transactional
    public ChildPage child(UUID childKey, int page) {
        Chronology.Page p = chronology.of(childKey, page - 1, PAGE_SIZE);
        // named as the child's own record last named them (a merged record's contacts may spell it otherwise)
        TriageItem latest = latestOf(p.childKey());
        if (latest == null) {
            latest = TriageItem.<TriageItem>find("childKey = ?1 order by receivedAt desc", p.childKey()).firstResult();
        }
        ReferralReceived.Child child = latest == null ? null : childOf(latest);
        List<Entry> entries = p.entries().stream().map(e -> new Entry(WHEN.format(e.at()),
                ConsoleWords.entryType(e.type()), ConsoleWords.inWords(e.summary()), e.triageItemId(),
                e.caseId())).toList();
        int pages = (int) Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new ChildPage(p.childKey(), child == null ? "A child" : name(child), child == null ? "" : born(child),
                entries, merged(p.childKey()), p.total(), page, pages);
    }

    private List<MergedRecord> merged(UUID root) {
        Actor actor = actors.current();
        return merges.under(root).stream().map(m -> {
            TriageItem latest = latestOf(m.duplicate());
            return new MergedRecord(m.survivor(), m.duplicate(), latest == null ? "A record" : described(latest),
                    WHEN.format(m.mergedAt()) + " by " + m.mergedBy(), m.reason(),
                    actor.teamManager() || merges.screens(actor.id(), root));
        }).toList();
    }

    /** The latest contact of the record itself (not of the records merged into it); null when it has none. */
    private static TriageItem latestOf(UUID record) {
        return TriageItem.<TriageItem>find("coalesce(knownChildId, childId) = ?1 order by receivedAt desc", record)
                .firstResult();
    }

    /** "Kayden Kettleborough, born 4 May 2015": the child as the item's contact named them. */
    static String described(TriageItem item) {
        ReferralReceived.Child child = childOf(item);
        if (child == null) {
            return "A child";
        }
        String born = born(child);
        return born.isEmpty() ? name(child) : name(child) + ", " + born;
    }

    static String born(ReferralReceived.Child c) {
        return c.dateOfBirth() != null ? "born " + DAY.format(c.dateOfBirth())
                : c.expectedDateOfBirth() != null ? "unborn, due " + DAY.format(c.expectedDateOfBirth()) : "";
    }

    private static ReferralReceived.Child childOf(TriageItem item) {
        TriageReferral referral = TriageReferral.findById(item.referralId);
        return referral == null ? null : referral.content().children().stream()
                .filter(c -> c.childId().equals(item.childId)).findFirst().orElse(null);
    }
}
