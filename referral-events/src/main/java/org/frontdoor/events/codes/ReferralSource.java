package org.frontdoor.events.codes;

import java.util.Optional;

/**
 * Referral source, as the DfE Children in Need census codes it. Who the referrer is decides
 * what they may be told: professionals hear outcomes; individuals get an acknowledgement
 * only; an anonymous referrer gets nothing.
 */
public enum ReferralSource implements Coded {
    INDIVIDUAL_FAMILY("1A", "Individual: family member, relative or carer", Kind.INDIVIDUAL),
    INDIVIDUAL_ACQUAINTANCE("1B", "Individual: acquaintance (neighbour, childminder)", Kind.INDIVIDUAL),
    INDIVIDUAL_SELF("1C", "Individual: self", Kind.INDIVIDUAL),
    INDIVIDUAL_OTHER("1D", "Individual: other", Kind.INDIVIDUAL),
    SCHOOLS("2A", "Schools", Kind.PROFESSIONAL),
    EDUCATION_SERVICES("2B", "Education services", Kind.PROFESSIONAL),
    HEALTH_GP("3A", "Health: GP", Kind.PROFESSIONAL),
    HEALTH_VISITOR("3B", "Health: health visitor", Kind.PROFESSIONAL),
    SCHOOL_NURSE("3C", "Health: school nurse", Kind.PROFESSIONAL),
    OTHER_PRIMARY_HEALTH("3D", "Health: other primary health services", Kind.PROFESSIONAL),
    A_AND_E("3E", "Health: A&E", Kind.PROFESSIONAL),
    HEALTH_OTHER("3F", "Health: other", Kind.PROFESSIONAL),
    HOUSING("4", "Housing", Kind.PROFESSIONAL),
    LA_SOCIAL_CARE("5A", "Local authority: social care (e.g. adults)", Kind.PROFESSIONAL),
    LA_OTHER_INTERNAL("5B", "Local authority: other internal department", Kind.PROFESSIONAL),
    ANOTHER_LA("5C", "Another local authority", Kind.PROFESSIONAL),
    LA_EARLY_HELP("5D", "Local authority: early help", Kind.PROFESSIONAL),
    POLICE("6", "Police", Kind.PROFESSIONAL),
    OTHER_LEGAL_AGENCY("7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)", Kind.PROFESSIONAL),
    OTHER("8", "Other (children's centres, voluntary organisations)", Kind.PROFESSIONAL),
    ANONYMOUS("9", "Anonymous", Kind.ANONYMOUS),
    UNKNOWN("10", "Unknown", Kind.UNKNOWN);

    /** What the referrer may hear back, per domain.md "Feedback rules". */
    public enum Kind {
        /** Told the outcome with reasons, and of closure. */
        PROFESSIONAL,
        /** A generic acknowledgement only, never case details. */
        INDIVIDUAL,
        /** Nothing at all. */
        ANONYMOUS,
        /** Source not recorded: treated like an individual, no case details. */
        UNKNOWN
    }

    private final String code;
    private final String description;
    private final Kind kind;

    ReferralSource(String code, String description, Kind kind) {
        this.code = code;
        this.description = description;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isProfessional() {
        return kind == Kind.PROFESSIONAL;
    }

    public static Optional<ReferralSource> fromCode(String code) {
        return Coded.lookup(ReferralSource.class, code);
    }
}
