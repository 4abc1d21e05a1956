package org.frontdoor.triage.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.triage.queue.TriageItem;

/** A child (of one referral) that a case covers: the opening referral's, and later contacts'. */
@Entity
@Table(name = "case_child")
public class CaseChild extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "case_id") UUID caseId, @Column(name = "child_id") UUID childId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "triage_item_id")
    public UUID triageItemId;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    public static CaseChild of(UUID caseId, TriageItem item, Instant at) {
        CaseChild c = new CaseChild();
        c.key = new Key(caseId, item.childId);
        c.referralId = item.referralId;
        c.triageItemId = item.id;
        c.joinedAt = at;
        return c;
    }

    /** Adds the item's child to the case, unless it is there already. */
    public static void join(UUID caseId, TriageItem item, Instant at) {
        if (findById(new Key(caseId, item.childId)) == null) {
            of(caseId, item, at).persist();
        }
    }

    public static List<CaseChild> ofCase(UUID caseId) {
        return list("key.caseId = ?1 order by joinedAt", caseId);
    }
}
