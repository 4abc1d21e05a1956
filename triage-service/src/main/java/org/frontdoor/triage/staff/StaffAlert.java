package org.frontdoor.triage.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Something a member of staff is told at once, listed for them until they read it. Ids and codes only. */
@Entity
@Table(name = "staff_alert")
public class StaffAlert extends PanacheEntityBase {

    public enum Kind {
        /** A new contact about a child of a case they lead: it is in the MASH queue for screening. */
        CONTACT_ABOUT_OPEN_CASE,
        /** The MASH passed a screened contact to them, as the lead worker of the child's case. */
        CONTACT_PASSED,
        /** A case was allocated to them. */
        CASE_ALLOCATED,
        /** A case they led was given to another worker, or stepped to another pathway. */
        CASE_MOVED_AWAY,
        /** A decision they made was sent back by a team manager. */
        DECISION_SENT_BACK,
        /** A close or step of a case they asked for was declined by another team manager. */
        CASE_CHANGE_DECLINED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_id", nullable = false)
    public String staffId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "triage_item_id")
    public UUID triageItemId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(nullable = false)
    public String message;

    @Column(name = "read_at")
    public Instant readAt;

    public static void add(String staffId, Instant at, Kind kind, UUID caseId, UUID triageItemId, UUID referralId,
            String message) {
        if (staffId == null) {
            return;
        }
        StaffAlert a = new StaffAlert();
        a.staffId = staffId;
        a.at = at;
        a.kind = kind;
        a.caseId = caseId;
        a.triageItemId = triageItemId;
        a.referralId = referralId;
        a.message = message.length() <= 500 ? message : message.substring(0, 500);
        a.persist();
    }

    /** The alert {@code id} if it is {@code staffId}'s: nobody sees another's alerts. */
    public static Optional<StaffAlert> ofStaff(long id, String staffId) {
        StaffAlert alert = findById(id);
        return alert == null || !alert.staffId.equals(staffId) ? Optional.empty() : Optional.of(alert);
    }

    /** Read now, unless read before: the first reading is kept. */
    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public static List<StaffAlert> of(String staffId, int limit) {
        return find("staffId = ?1 order by at desc, id desc", staffId).page(0, limit).list();
    }
}
