package org.frontdoor.triage.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.frontdoor.support.sql.SqlRow;

/** What the returns page reads beside the census: the children's names, and the cases where their errors are put right. */
@ApplicationScoped
public class ReturnsQueries {

    /** A child's referral in the census's year and the case it went to (null: a referral without one). */
    public record Referral(LocalDate referralDate, UUID caseId) {
    }

    @Inject
    EntityManager em;

    /**
     * Each child's referrals that the census of [start, end] counts as episodes, in referral date order (the
     * census's CINdetails order), by the same test as the census's own read (CensusQueries.episodes).
     */
    Map<UUID, List<Referral>> referrals(Collection<UUID> children, LocalDate start, LocalDate end) {
        Map<UUID, List<Referral>> of = new LinkedHashMap<>();
        if (children.isEmpty()) {
            return of;
        }
        for (SqlRow r : SqlRow.list(em, """
                select i.child_key, i.referral_date, i.case_id
                from triage_item i left join care_case c on c.id = i.case_id
                where i.child_key = any(cast(?1 as uuid[])) and i.became_referral and i.referral_date <= ?3
                  and (i.referral_date >= ?2 or c.id is null or c.status = 'OPEN'
                       or (c.closed_at at time zone 'Europe/London')::date >= ?2)
                order by i.child_key, i.referral_date, i.received_at""", array(children), start, end)) {
            of.computeIfAbsent(r.uuid("child_key"), k -> new ArrayList<>())
                    .add(new Referral(r.date("referral_date"), r.uuid("case_id")));
        }
        return of;
    }

    /** The children's names as their records hold them now (first and last), by key; a child without one is left out. */
    Map<UUID, String> names(Collection<UUID> children) {
        Map<UUID, String> names = new HashMap<>();
        if (children.isEmpty()) {
            return names;
        }
        for (SqlRow r : SqlRow.list(em, "select child_key, first_name, last_name from child_record"
                + " where child_key = any(cast(?1 as uuid[]))", array(children))) {
            String name = String.join(" ", ConsoleWords.nonBlank(r.string("first_name"), r.string("last_name")));
            if (!name.isBlank()) {
                names.put(r.uuid("child_key"), name);
            }
        }
        return names;
    }

    /** A PostgreSQL array literal of the keys: one parameter, however many children. */
    private static String array(Collection<UUID> keys) {
        return keys.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
