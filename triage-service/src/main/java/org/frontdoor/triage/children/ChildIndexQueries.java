package org.frontdoor.triage.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.codes.Outcome;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.sql.SqlRow;

/**
 * The tolerant index of children (child_record, V9): each contact's child recorded under its record, and the
 * lookups by indexed keys only (NHS number, UPN, phonetic codes of the names with the dates of birth a mistyped one
 * may stand for), each bounded, so a search never reads every child.
 */
@ApplicationScoped
public class ChildIndexQueries {

    /** A contact's child as the index records it: the record's key and the contact's details of the child. */
    public record Recorded(UUID childKey, String firstName, String lastName, LocalDate dateOfBirth, String postcode,
            String nhsNumber, Instant recordedAt) {
    }

    /** A record a lookup found, the record its data counts under now ({@code rootKey}), and its details. */
    public record Found(UUID childKey, UUID rootKey, ChildFacts facts, Instant recordedAt) {
    }

    /** A contact about a record, and what became of it. */
    public record Contact(UUID rootKey, UUID referralId, UUID triageItemId, Instant receivedAt, Outcome outcome,
            Pathway pathway, Integer decidedLevel) {
    }

    /** How many contacts a record has had, and the last one's time. */
    public record ContactCount(long contacts, Instant lastContactAt) {
    }

    private static final String LOOKUP = """
            with hits as (
                (select child_key from child_record where nhs_digits = nullif(cast(?1 as text), '') limit ?9)
                union
                (select child_key from child_characteristics where upn = nullif(cast(?2 as text), '') limit ?9)
                union
                (select child_key from child_record where last_code = any(cast(?3 as text[]))
                     and birth_date = any(cast(?4 as date[])) limit ?9)
                union
                (select child_key from child_record where last_part1_code = any(cast(?3 as text[]))
                     and birth_date = any(cast(?4 as date[])) limit ?9)
                union
                (select child_key from child_record where last_part2_code = any(cast(?3 as text[]))
                     and birth_date = any(cast(?4 as date[])) limit ?9)
                union
                (select child_key from child_record where first_code = any(cast(?5 as text[]))
                     and birth_date = any(cast(?4 as date[])) limit ?9)
                union
                (select child_key from child_record where first_canonical_code = any(cast(?6 as text[]))
                     and birth_date = any(cast(?4 as date[])) limit ?9)
                union
                (select child_key from child_record where last_code = any(cast(?3 as text[]))
                     and first_code = any(cast(?5 as text[])) limit ?9)
                union
                (select child_key from child_record where cast(?7 as boolean) and last_code = any(cast(?3 as text[]))
                     limit ?9)
                union
                (select child_key from child_record where cast(?10 as boolean)
                     and birth_date = cast(nullif(cast(?8 as text), '') as date) limit ?9))
            select c.child_key, child_root(c.child_key) as root_key, c.first_name, c.last_name, c.birth_date,
                   c.postcode, c.nhs_number, cc.upn, c.recorded_at, c.first_canonical, c.first_code,
                   c.first_canonical_code, c.last_code, c.last_soundex, c.last_part1, c.last_part2,
                   c.last_part1_code, c.last_part2_code
            from hits h
            join child_record c on c.child_key = h.child_key
            left join child_characteristics cc on cc.child_key = c.child_key""";

    @Inject
    EntityManager em;

    @Inject
    MatchingConfig config;

    /**
     * Records a contact's children in the index (the latest contact's details win; a detail it lacks keeps the
     * one recorded before) and answers each record's root, in one statement.
     */
    public Map<UUID, UUID> record(List<Recorded> children) {
        List<Map<String, Object>> rows = children.stream().map(ChildIndexQueries::json).toList();
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("children of a contact not written as JSON", e);
        }
        Map<UUID, UUID> roots = new HashMap<>();
        for (SqlRow row : SqlRow.list(em, """
                with input as (
                    select * from jsonb_to_recordset(cast(?1 as jsonb)) as x(child_key uuid, first_name text,
                        last_name text, birth_date date, postcode text, nhs_number text, recorded_at timestamptz)),
                recorded as (
                    insert into child_record (child_key, first_name, last_name, birth_date, postcode, nhs_number,
                        recorded_at)
                    select distinct on (child_key) child_key, first_name, last_name, birth_date, postcode,
                        nhs_number, recorded_at
                    from input order by child_key, recorded_at desc
                    on conflict (child_key) do update set
                        first_name = coalesce(excluded.first_name, child_record.first_name),
                        last_name = coalesce(excluded.last_name, child_record.last_name),
                        birth_date = coalesce(excluded.birth_date, child_record.birth_date),
                        postcode = coalesce(excluded.postcode, child_record.postcode),
                        nhs_number = coalesce(excluded.nhs_number, child_record.nhs_number),
                        recorded_at = excluded.recorded_at
                    where excluded.recorded_at >= child_record.recorded_at)
                select distinct child_key, child_root(child_key) as root_key from input""", json)) {
            roots.put(row.uuid("child_key"), row.uuid("root_key"));
        }
        return roots;
    }

    private static Map<String, Object> json(Recorded r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("child_key", r.childKey().toString());
        m.put("first_name", blankToNull(r.firstName()));
        m.put("last_name", blankToNull(r.lastName()));
        m.put("birth_date", r.dateOfBirth() == null ? null : r.dateOfBirth().toString());
        m.put("postcode", blankToNull(r.postcode()));
        m.put("nhs_number", blankToNull(r.nhsNumber()));
        m.put("recorded_at", r.recordedAt().toString());
        return m;
    }

    /** The database's phonetic keys of a first name and surname, as the index holds them for a record. */
    public ChildFacts.Keys keysOf(String firstName, String lastName) {
        return keys(SqlRow.single(em, """
                select child_first_canonical(cast(?1 as text)) as first_canonical,
                       child_name_code(cast(?1 as text)) as first_code,
                       child_name_code(child_first_canonical(cast(?1 as text))) as first_canonical_code,
                       child_name_code(cast(?2 as text)) as last_code,
                       nullif(soundex(child_name_norm(cast(?2 as text))), '') as last_soundex,
                       p[1] as last_part1, p[2] as last_part2,
                       child_name_code(p[1]) as last_part1_code, child_name_code(p[2]) as last_part2_code
                from (select child_surname_parts(cast(?2 as text)) as p) s""",
                Objects.requireNonNullElse(firstName, ""), Objects.requireNonNullElse(lastName, "")));
    }

    /**
     * The records that may be the child described, by indexed keys only: the same NHS number or UPN; a surname
     * (or a part of it) or a first name (or the name it stands for) that sounds alike with the same or a nearby
     * date of birth; first name and surname alike with any date of birth. {@code wide} (a search, where a person
     * may give little) adds the surname alone when no date of birth is given, and the date of birth alone when no
     * surname is. Each way is bounded.
     */
    public List<Found> lookUp(ChildFacts probe, boolean wide) {
        ChildFacts.Keys k = probe.keys();
        List<LocalDate> dates = probe.dateOfBirth() == null ? List.of()
                : ChildSimilarity.datesNear(probe.dateOfBirth());
        Stream<String> surnameCodes = Stream.concat(Stream.of(k.lastCode()), k.lastPartCodes().stream());
        return SqlRow.list(em, LOOKUP, orEmpty(ChildFacts.identifierNorm(probe.nhsNumber())),
                orEmpty(upn(probe.upn())), array(surnameCodes), array(dates.stream().map(LocalDate::toString)),
                array(Stream.of(k.firstCode())), array(Stream.of(k.firstCanonicalCode())),
                wide && probe.dateOfBirth() == null, probe.dateOfBirth() == null ? "" : probe.dateOfBirth().toString(),
                config.lookupLimit(), wide && k.lastCode() == null)
                .stream().map(ChildIndexQueries::found).toList();
    }

    private static Found found(SqlRow r) {
        ChildFacts facts = new ChildFacts(r.string("first_name"), r.string("last_name"), r.date("birth_date"),
                r.string("postcode"), r.string("nhs_number"), r.string("upn"), keys(r));
        return new Found(r.uuid("child_key"), r.uuid("root_key"), facts, r.instant("recorded_at"));
    }

    private static ChildFacts.Keys keys(SqlRow r) {
        return new ChildFacts.Keys(r.string("first_canonical"), r.string("first_code"),
                r.string("first_canonical_code"), r.string("last_code"), r.string("last_soundex"),
                Stream.of(r.string("last_part1"), r.string("last_part2")).filter(Objects::nonNull).toList(),
                Stream.of(r.string("last_part1_code"), r.string("last_part2_code")).filter(Objects::nonNull)
                        .toList());
    }

    /** The contacts about each record received before {@code before}, newest first, at most {@code perRecord}. */
    public List<Contact> contactsBefore(Collection<UUID> roots, Instant before, int perRecord) {
        if (roots.isEmpty()) {
            return List.of();
        }
        return SqlRow.list(em, """
                select child_key, referral_id, id, received_at, outcome, pathway, decided_level from (
                    select i.*, row_number() over (partition by i.child_key order by i.received_at desc, i.id) as n
                    from triage_item i
                    where i.child_key = any(cast(?1 as uuid[])) and i.received_at < ?2) t
                where n <= ?3
                order by child_key, received_at desc, id""", array(roots.stream()), before, perRecord)
                .stream().map(r -> new Contact(r.uuid("child_key"), r.uuid("referral_id"), r.uuid("id"),
                        r.instant("received_at"), enumOf(Outcome.class, r.string("outcome")),
                        enumOf(Pathway.class, r.string("pathway")), level(r)))
                .toList();
    }

    /** How many contacts each record has had and when the last came. */
    public Map<UUID, ContactCount> contactCounts(Collection<UUID> roots) {
        if (roots.isEmpty()) {
            return Map.of();
        }
        return SqlRow.list(em, """
                select child_key, count(*) as contacts, max(received_at) as last_contact_at from triage_item
                where child_key = any(cast(?1 as uuid[])) group by child_key""", array(roots.stream()))
                .stream().collect(Collectors.toMap(r -> r.uuid("child_key"),
                        r -> new ContactCount(r.count("contacts"), r.instant("last_contact_at"))));
    }

    /** The records a person said are not the same child as any of {@code keys}, by each of those keys. */
    public Map<UUID, List<UUID>> notTheSame(Collection<UUID> keys) {
        return SqlRow.list(em, "select child_key, other_key from child_not_same where child_key = any(cast(?1 as uuid[]))",
                array(keys.stream())).stream().collect(Collectors.groupingBy(r -> r.uuid("child_key"),
                        Collectors.mapping(r -> r.uuid("other_key"), Collectors.toList())));
    }

    /** The UPN recorded with a child's characteristics (null for none). */
    public String upnOf(UUID childKey) {
        List<SqlRow> rows = SqlRow.list(em, "select upn from child_characteristics where child_key = ?1", childKey);
        return rows.isEmpty() ? null : rows.get(0).string("upn");
    }

    private static Integer level(SqlRow r) {
        String level = r.string("decided_level");
        return level == null ? null : Integer.valueOf(level);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String upn(String upn) {
        return upn == null ? null : upn.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** A PostgreSQL array literal of simple values (codes, dates, ids: no quoting needed); nulls left out. */
    private static String array(Stream<?> values) {
        return values.filter(Objects::nonNull).map(Object::toString).filter(v -> !v.isEmpty())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
