package org.frontdoor.triage.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sign-in's subject linked to a staff record, from when and by whom, until unlinked: the record that a subject
 * was once linked, which the staff directory's current state alone would forget.
 */
@Entity
@Table(name = "staff_subject_link")
public class StaffSubjectLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String subject;

    @Column(name = "staff_id", nullable = false)
    public String staffId;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "linked_by_subject")
    public String linkedBySubject;

    @Column(name = "unlinked_at")
    public Instant unlinkedAt;

    @Column(name = "unlinked_by")
    public String unlinkedBy;

    @Column(name = "unlinked_by_subject")
    public String unlinkedBySubject;

    /** Whether the subject was ever linked to a staff record (now or before). */
    public static boolean everLinked(String subject) {
        return subject != null && (count("subject", subject) > 0 || StaffMember.bySubject(subject).isPresent());
    }

    /** Records that {@code staffId}'s sign-in changed from {@code from} to {@code to} (either may be null). */
    public static void moved(String staffId, String from, String to, Actor by, Instant at) {
        if (from != null) {
            StaffSubjectLink.<StaffSubjectLink>list("subject = ?1 and staffId = ?2 and unlinkedAt is null", from,
                    staffId).forEach(l -> {
                        l.unlinkedAt = at;
                        l.unlinkedBy = by.id();
                        l.unlinkedBySubject = by.subject();
                    });
        }
        if (to != null) {
            StaffSubjectLink l = new StaffSubjectLink();
            l.subject = to;
            l.staffId = staffId;
            l.linkedAt = at;
            l.linkedBy = by.id();
            l.linkedBySubject = by.subject();
            l.persist();
        }
    }
}
