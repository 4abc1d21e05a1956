package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontdoor.events.codes.IndicatorCatalogue;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.triage.children.ChildSearch;
import org.frontdoor.triage.console.ConsoleWords.Choice;

/**
 * What the front door's pages show: the "Log a contact" form (each child, known or new, with the children a search
 * found for it, best first, and why), and "My contacts", the officer's own, as the referral service lists them.
 */
@ApplicationScoped
public class ContactViews {

    /** A child a search found: who, born when, and why they may be the one described. */
    public record Match(String childKey, String name, String born, String postcode, String reasons, String contacts,
            String action) {
    }

    /** One child of the form: found and chosen ({@code known}), or new, with the matches of their last search. */
    public record ChildBlock(int index, boolean known, boolean searched, List<Match> matches, boolean removable) {

        public String field(String name) {
            return ContactForm.field(index, name);
        }

        public int number() {
            return index + 1;
        }
    }

    /** The form's page: the first stage finds the first child; then the whole contact. */
    public record ContactPage(boolean onForm, List<ChildBlock> children, boolean canAdd, List<Choice> callers,
            List<Choice> organisations, List<Choice> publicSources, List<Choice> genders, List<Choice> yesNo,
            List<Choice> indicators, Set<String> ticked) {
    }

    /** A contact the officer logged, as it stands now; its reference is what the caller is given to quote. */
    public record Row(String reference, String received, String caller, List<String> children, String status) {
    }

    /** "My contacts": one page of them, and the links to the pages either side. */
    public record MyContacts(boolean available, List<Row> rows, long total, int page, int pages, Integer previous,
            Integer next) {

        /** The page as people count: from 1. */
        public int number() {
            return page + 1;
        }

        public boolean paged() {
            return hasPrevious() || hasNext();
        }

        public boolean hasPrevious() {
            return previous != null;
        }

        public boolean hasNext() {
            return next != null;
        }
    }

    @Inject
    PartnerDirectoryCopy partners;

    public ContactPage page(ContactForm form, Map<Integer, ChildSearch.Page> found) {
        List<ChildBlock> children = new ArrayList<>();
        for (int i = 0; i < form.childCount(); i++) {
            ChildSearch.Page page = found.get(i);
            children.add(new ChildBlock(i, form.child(i, "childKey") != null, page != null,
                    page == null ? List.of() : matches(i, page), i > 0));
        }
        return new ContactPage(form.onForm(), children, form.childCount() < ContactForm.MAX_CHILDREN, callers(),
                organisations(), publicSources(), genders(), yesNo(), indicators(), Set.copyOf(form.indicators()));
    }

    private static List<Match> matches(int child, ChildSearch.Page page) {
        return page.results().stream().map(r -> new Match(r.childKey().toString(),
                join(r.firstName(), r.lastName()), born(r.dateOfBirth()), r.postcode() == null ? "" : r.postcode(),
                String.join(", ", r.reasons()), contacts(r.contacts(), r.lastContactAt()),
                "pick:" + child + ":" + r.childKey())).toList();
    }

    private static String contacts(long contacts, Instant last) {
        String count = contacts == 1 ? "1 contact" : contacts + " contacts";
        return last == null ? count : count + ", the last on " + ConsoleWords.ON_DAY.format(last);
    }

    private static String born(LocalDate date) {
        return date == null ? "Not known" : ConsoleWords.DAY.format(date);
    }

    private static String join(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }

    private static List<Choice> callers() {
        return List.of(new Choice("PROFESSIONAL", "A professional", "From an organisation in the partner directory:"
                + " they are told the outcome"),
                new Choice("PUBLIC", "A member of the public", "A relative, neighbour, the child themselves: they"
                        + " get an acknowledgement only"),
                new Choice("ANONYMOUS", "An anonymous caller", "Leave the caller's name, role and contact details"
                        + " empty"));
    }

    private List<Choice> organisations() {
        return partners.active().stream().sorted(Comparator.comparing(PartnerDirectoryCopy.Partner::name))
                .map(p -> new Choice(p.id(), p.name(), null)).toList();
    }

    private static List<Choice> publicSources() {
        return Arrays.stream(ReferralSource.values()).filter(s -> s.kind() == ReferralSource.Kind.INDIVIDUAL)
                .map(s -> new Choice(s.code(), s.description().replace("Individual: ", ""), null)).toList();
    }

    private static List<Choice> genders() {
        return List.of(new Choice("F", "Female", null), new Choice("M", "Male", null),
                new Choice("X", "Indeterminate", null), new Choice("U", "Not known", null));
    }

    private static List<Choice> yesNo() {
        return List.of(new Choice("true", "Yes", null), new Choice("false", "No", null));
    }

    private static List<Choice> indicators() {
        return IndicatorCatalogue.standard().all().stream().map(i -> new Choice(i.code(), i.description(), null))
                .toList();
    }

    public MyContacts mine(JsonNode found, int page, int size) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : found.path("items")) {
            List<String> children = new ArrayList<>();
            r.path("children").forEach(c -> children.add(join(text(c, "firstName"), text(c, "lastName")) + ": "
                    + childStatus(text(c, "status"), text(c, "recordType"))));
            rows.add(new Row(text(r, "reference"), ConsoleWords.WHEN.format(Instant.parse(r.path("receivedAt").asText())),
                    caller(r), children, status(text(r, "status"))));
        }
        long total = found.path("total").asLong();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new MyContacts(true, rows, total, page, pages, page > 0 ? page - 1 : null,
                page + 1 < pages ? page + 1 : null);
    }

    public MyContacts mineUnavailable(int page) {
        return new MyContacts(false, List.of(), 0, page, 1, null, null);
    }

    private static String caller(JsonNode r) {
        String organisation = text(r, "organisationName");
        if (organisation != null) {
            return organisation;
        }
        return ReferralSource.fromCode(text(r, "sourceCode")).map(ReferralSource::description)
                .orElse("Not known");
    }

    private static String status(String status) {
        return status == null ? "" : switch (status) {
            case "RECEIVED" -> "Received";
            case "IN_TRIAGE" -> "Being screened";
            case "DECIDED" -> "Decided";
            case "CLOSED" -> "Closed";
            default -> status;
        };
    }

    private static String childStatus(String status, String recordType) {
        String words = status == null ? "" : switch (status) {
            case "RECEIVED" -> "received";
            case "IN_TRIAGE", "WITH_ALLOCATED_WORKER" -> "being screened";
            case "DECIDED" -> "decided";
            case "REFERRED_TO_SOCIAL_CARE" -> "referred to children's social care";
            case "PASSED_TO_ALLOCATED_WORKER", "CASE_OPEN" -> "with the allocated worker";
            case "CASE_CLOSED" -> "case closed";
            default -> status.toLowerCase(java.util.Locale.UK).replace('_', ' ');
        };
        return "REFERRAL".equals(recordType) && !words.contains("referred") ? words + " (a referral)" : words;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
