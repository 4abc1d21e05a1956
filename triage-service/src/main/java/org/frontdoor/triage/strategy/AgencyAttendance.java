package org.frontdoor.triage.strategy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.frontdoor.events.codes.AgencyType;

/** A partner agency invited to a strategy discussion: the organisation, its kind then, whether it attended. */
@Embeddable
public class AgencyAttendance {

    /** Its id in the partner directory. */
    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    /** The organisation's agency type in the directory when the discussion was recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "agency_type", nullable = false)
    public AgencyType agencyType;

    @Column(nullable = false)
    public boolean attended;

    /** What it shared, in words; null when nothing. */
    public String shared;

    protected AgencyAttendance() {
    }

    AgencyAttendance(String organisationId, AgencyType agencyType, boolean attended, String shared) {
        this.organisationId = organisationId;
        this.agencyType = agencyType;
        this.attended = attended;
        this.shared = shared;
    }
}
