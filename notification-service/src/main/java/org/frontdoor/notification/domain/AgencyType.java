package org.frontdoor.notification.domain;

/** What kind of agency a partner organisation is; its census referral source code says it more finely. */
public enum AgencyType {
    SCHOOL,
    EDUCATION,
    POLICE,
    HEALTH,
    HOUSING,
    LOCAL_AUTHORITY,
    PROBATION_OR_COURTS,
    VOLUNTARY,
    OTHER
}
