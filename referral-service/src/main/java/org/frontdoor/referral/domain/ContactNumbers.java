package org.frontdoor.referral.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The numbers of the contact references ({@code FD-2026-004213}), handed out by this instance from blocks it reserves
 * on the year's counter row. A number is never given twice, across instances too: each block is the row raised by
 * {@link #BLOCK} in a short transaction of its own. Raising the row in each contact's own transaction made every
 * intake wait for the one before to commit (issue 29: the statement averaged 345 ms under load and intake stayed at
 * about 115 contacts a second from 8 clients to 64). The price: numbers a rolled-back intake took, or a stopped
 * instance had not given yet, are skipped, and two instances give numbers from their own blocks, so references of
 * one day are unique but not in the order received across instances.
 */
@ApplicationScoped
public class ContactNumbers {

    /** Numbers reserved at a time: one counter transaction every this many contacts, at most this many skipped. */
    static final int BLOCK = 20;

    @Inject
    EntityManager em;

    private int year;
    private int next = 1;
    private int last;

    /** The next number of {@code forYear}'s references. */
    public synchronized int next(int forYear) {
        if (forYear != year || next > last) {
            last = QuarkusTransaction.requiringNew().call(() -> reserve(forYear));
            next = last - BLOCK + 1;
            year = forYear;
        }
        return next++;
    }

    private int reserve(int forYear) {
        return ((Number) em.createNativeQuery("insert into contact_reference_counter (year, last_number) values (?1, ?2)"
                + " on conflict (year) do update set last_number = contact_reference_counter.last_number + ?2"
                + " returning last_number")
                .setParameter(1, forYear)
                .setParameter(2, BLOCK)
                .getSingleResult()).intValue();
    }
}
