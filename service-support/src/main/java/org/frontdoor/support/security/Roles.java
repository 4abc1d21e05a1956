package org.frontdoor.support.security;

/** The roles of the access model (architecture.md), as they arrive in the token's {@code groups} claim. */
public final class Roles {

    /** A partner agency's system: submits referrals and reads its own organisation's. */
    public static final String PARTNER = "partner";
    /** Front-door staff who key in phone and public referrals and search. */
    public static final String FRONT_DOOR = "front-door";
    public static final String TRIAGE_WORKER = "triage-worker";
    public static final String TEAM_MANAGER = "team-manager";
    /** Operations: dead letters, outbox, replays. */
    public static final String OPS = "ops";
    /** Information governance: the audit trail, subject access requests. */
    public static final String INFORMATION_GOVERNANCE = "information-governance";

    /** The claim that names a partner's organisation. */
    public static final String ORG_CLAIM = "org";

    private Roles() {
    }
}
