package org.frontdoor.events.codes;

/**
 * What kind of agency a partner organisation is; its census referral source code says it more finely. Shared: the
 * partner directory (notification-service) owns organisations, triage records checks by it.
 */
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
