package org.frontdoor.triage.statutory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.frontdoor.support.sql.SqlRow;

/** The log of statutory returns made (statutory_return): what, for which period, by whom, how many children. */
@ApplicationScoped
public class ReturnsMadeQueries {

    @Inject
    EntityManager em;

    /** The serial number the next return of {@code kind} for {@code period} gets: one more than those made. */
    public int nextSerial(String kind, String period) {
        return (int) SqlRow.single(em, "select count(*) + 1 as serial from statutory_return where kind = ?1"
                + " and period = ?2", kind, period).count("serial");
    }

    /** A return made: which, for what period, by whom, how many children in it and left out. */
    public void record(String kind, String period, Instant at, String madeBy, int children, int rejected) {
        em.createNativeQuery("insert into statutory_return (kind, period, made_at, made_by, children, rejected)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, kind).setParameter(2, period)
                .setParameter(3, at).setParameter(4, madeBy).setParameter(5, children).setParameter(6, rejected)
                .executeUpdate();
    }
}
