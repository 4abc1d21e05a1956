package org.frontdoor.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The contacts the front door looks up and searches, read through their Panache entities. */
@ApplicationScoped
public class ReferralQueries {

    /** What the front door searches by; every field is optional. */
    public record Criteria(String surname, LocalDate dateOfBirth, String postcode, Instant from, Instant to) {
    }

    public record Page(List<Referral> items, long total) {
    }

    /** Referrals naming a child that fits every given criterion, newest first. */
    public Page search(Criteria criteria, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        List<String> childWhere = new ArrayList<>();
        if (criteria.surname() != null) {
            childWhere.add("c.surnameKey = :surname");
            params.put("surname", Surname.key(criteria.surname()));
        }
        if (criteria.dateOfBirth() != null) {
            childWhere.add("c.dateOfBirth = :dob");
            params.put("dob", criteria.dateOfBirth());
        }
        if (criteria.postcode() != null) {
            childWhere.add("c.postcodeKey = :postcode");
            params.put("postcode", Postcode.key(Postcode.normalise(criteria.postcode())));
        }
        if (!childWhere.isEmpty()) {
            where.add("exists (select 1 from ReferralChild c where c.referral = r and "
                    + String.join(" and ", childWhere) + ")");
        }
        if (criteria.from() != null) {
            where.add("r.receivedAt >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.add("r.receivedAt < :to");
            params.put("to", criteria.to());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        PanacheQuery<Referral> query = Referral.find("from Referral r" + filter,
                Sort.by("receivedAt", Sort.Direction.Descending).and("id"), params);
        long total = query.count();
        List<Referral> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return new Page(items, total);
    }

    /** The contacts one person keyed in (by their token's subject), newest first. */
    public Page submittedBy(String subject, int page, int size) {
        PanacheQuery<Referral> query = Referral.find("submittedBy",
                Sort.by("receivedAt", Sort.Direction.Descending).and("id"), subject);
        return new Page(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
    }

    public Optional<Referral> referral(UUID referralId) {
        return Referral.findByIdOptional(referralId);
    }

    public List<ReferralChild> childrenOf(UUID referralId) {
        return ReferralChild.list("referral.id = ?1 order by position", referralId);
    }
}
