package org.frontdoor.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One step in a referral's life as its referrer may see it: received, in triage, decided (with
 * the feedback meant for them), case closed, and each message sent to them.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    /** Null for entries about the referral as a whole. */
    @Column(name = "child_id")
    public UUID childId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail = new LinkedHashMap<>();

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public static TimelineEntry of(UUID referralId, UUID childId, String kind, Instant at, String summary,
            Map<String, Object> detail, UUID sourceEventId) {
        TimelineEntry entry = new TimelineEntry();
        entry.referralId = referralId;
        entry.childId = childId;
        entry.kind = kind;
        entry.occurredAt = at;
        entry.summary = summary;
        entry.detail = detail == null ? new LinkedHashMap<>() : new LinkedHashMap<>(detail);
        entry.sourceEventId = sourceEventId;
        return entry;
    }

    public static List<TimelineEntry> forReferral(UUID referralId) {
        return list("referralId = ?1 order by occurredAt, id", referralId);
    }
}
