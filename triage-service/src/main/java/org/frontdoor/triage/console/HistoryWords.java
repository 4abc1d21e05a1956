package org.frontdoor.triage.console;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.triage.cases.CaseChild;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageReferral;

/**
 * A record's history as people read it: the services' notes name contacts, triage items and cases by their ids,
 * which mean nothing to a worker; here each is named by the contact's reference (FD-2026-000123) instead, the ids
 * never shown. Reads the records named, so it runs within the page's transaction.
 */
final class HistoryWords {

    private static final Pattern NAMED = Pattern.compile("\\b(?i:(contact|triage item|case)) ("
            + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b");

    private HistoryWords() {
    }

    /** One line an entry, as {@link ConsoleWords#history}, with each id in words. */
    static List<String> of(List<HistoryEntry> entries) {
        return ConsoleWords.history(entries, HistoryWords::named);
    }

    /** "Contact <id> (triage item <id>)": "Contact FD-2026-000123 (screening of child 1 of FD-2026-000123)". */
    static String named(String note) {
        if (note == null) {
            return null;
        }
        return NAMED.matcher(note).replaceAll(m -> {
            String word = m.group(1);
            UUID id = UUID.fromString(m.group(2));
            String named = switch (word.toLowerCase(Locale.UK)) {
                case "contact" -> reference(id) == null ? "a contact without a reference"
                        : word + " " + reference(id);
                case "triage item" -> screening(id);
                default -> word + caseFrom(id);
            };
            boolean capital = Character.isUpperCase(word.charAt(0));
            return Matcher.quoteReplacement(capital ? Character.toUpperCase(named.charAt(0)) + named.substring(1)
                    : named);
        });
    }

    /** The contact's reference; null for one received before references. */
    private static String reference(UUID referralId) {
        TriageReferral r = TriageReferral.findById(referralId);
        return r == null ? null : r.reference;
    }

    /** "Contact FD-2026-000123", or "a contact without a reference" (received before references). */
    private static String contact(UUID referralId) {
        String reference = reference(referralId);
        return reference == null ? "a contact without a reference" : reference;
    }

    /** A triage item is the screening of one child of a contact. */
    private static String screening(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        return item == null ? "a screening" : "screening of child " + (item.position + 1) + " of "
                + contact(item.referralId);
    }

    /** " from FD-2026-000123": the contact that opened the case, the first of its children's. */
    private static String caseFrom(UUID caseId) {
        return CaseChild.ofCase(caseId).stream().map(cc -> cc.referralId).filter(r -> r != null).findFirst()
                .map(r -> " from " + contact(r)).orElse("");
    }
}
