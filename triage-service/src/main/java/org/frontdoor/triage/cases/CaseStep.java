package org.frontdoor.triage.cases;

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
import java.time.LocalDate;
import java.util.UUID;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.events.codes.StepDirection;

/** A step up to social care, or down or across to early help, with its (internal) rationale and what partners are told. */
@Entity
@Table(name = "case_step")
public class CaseStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_pathway", nullable = false)
    public Pathway fromPathway;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_pathway", nullable = false)
    public Pathway toPathway;

    /** Internal: never leaves triage. */
    @Column(nullable = false)
    public String rationale;

    /** What the referrer and partner agencies are told ({@code case.stepped}'s summary); none when empty. */
    @Column(name = "partner_summary")
    public String partnerSummary;

    @Column(name = "panel_date")
    public LocalDate panelDate;

    @Column(name = "stepped_by", nullable = false)
    public String steppedBy;

    @Column(name = "stepped_at", nullable = false)
    public Instant steppedAt;

    /** The record of a case moving {@code direction} from {@code from} to {@code to} (CareCase.step). */
    static CaseStep of(UUID caseId, StepDirection direction, Pathway from, Pathway to, String rationale,
            String partnerSummary, LocalDate panelDate, String steppedBy, Instant steppedAt) {
        CaseStep s = new CaseStep();
        s.caseId = caseId;
        s.direction = direction;
        s.fromPathway = from;
        s.toPathway = to;
        s.rationale = rationale;
        s.partnerSummary = partnerSummary;
        s.panelDate = panelDate;
        s.steppedBy = steppedBy;
        s.steppedAt = steppedAt;
        return s;
    }
}
