package org.frontdoor.triage.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.frontdoor.triage.staff.Actor;

/** What happened to a triage item or a case, in order, for the people working it. */
@Entity
@Table(name = "triage_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    /** The actor's sign-in (the token's subject); null for the system and for entries from before it was kept. */
    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(nullable = false)
    public String action;

    public String detail;

    /** A person's act: kept with their staff id and their sign-in's subject. */
    public static void add(UUID subjectId, Instant at, Actor actor, String action, String detail) {
        add(subjectId, at, actor.id(), actor.subject(), action, detail);
    }

    /** The system's act (intake, retention). */
    public static void add(UUID subjectId, Instant at, String actor, String action, String detail) {
        add(subjectId, at, actor, null, action, detail);
    }

    private static void add(UUID subjectId, Instant at, String actor, String actorSubject, String action,
            String detail) {
        HistoryEntry e = new HistoryEntry();
        e.subjectId = subjectId;
        e.at = at;
        e.actor = actor;
        e.actorSubject = actorSubject;
        e.action = action;
        e.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        e.persist();
    }

    public static List<HistoryEntry> of(UUID subjectId) {
        return list("subjectId = ?1 order by at, id", subjectId);
    }
}
