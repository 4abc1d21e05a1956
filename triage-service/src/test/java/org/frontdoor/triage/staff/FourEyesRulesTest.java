package org.frontdoor.triage.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.triage.cases.CareCase;
import org.frontdoor.triage.cases.CaseChangeRequest;
import org.frontdoor.triage.cases.CloseCommand;
import org.frontdoor.triage.cases.StepCommand;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.queue.TriageStatus;
import org.frontdoor.triage.statutory.Assessment;
import org.frontdoor.triage.statutory.Section47Enquiry;
import org.junit.jupiter.api.Test;

/** The four-eyes rules on the entities, without a database: one person is one person, whatever their records. */
class FourEyesRulesTest {

    private static final Actor MAYA = new Actor("tm-maya-reid", "sub-maya", null, true);
    /** Maya again, signed in as herself but acting through a second staff record. */
    private static final Actor MAYA_SECOND_RECORD = new Actor("tm-maya-2", "sub-maya", null, true);
    /** Someone signed in as another person, through Maya's staff record (the directory was edited). */
    private static final Actor OTHER_ON_MAYAS_RECORD = new Actor("tm-maya-reid", "sub-other", null, true);
    private static final Actor OWEN = new Actor("tm-owen-hart", "sub-owen", null, true);
    private static final Actor TARA_WORKER = new Actor("tw-tara-jones", "sub-tara", null, false);

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales(List.of());

    @Test
    void aDecisionIsNeverApprovedByItsDeciderByStaffRecordOrBySignIn() {
        TriageItem item = awaiting(MAYA);

        assertRefused(() -> item.requireApprovableBy(MAYA), "You made this decision");
        assertRefused(() -> item.requireApprovableBy(MAYA_SECOND_RECORD), "You made this decision");
        assertRefused(() -> item.requireApprovableBy(OTHER_ON_MAYAS_RECORD), "You made this decision");
        assertDoesNotThrow(() -> item.requireApprovableBy(OWEN));

        item.approvedBy(OWEN, Instant.parse("2026-12-07T10:00:00Z"));
        assertEquals("tm-owen-hart", item.approvedBy);
        assertEquals("sub-owen", item.approvedBySubject);
        assertEquals("sub-maya", item.decidedBySubject, "the decider's sign-in is kept beside the staff id");
    }

    @Test
    void onlyADecisionAwaitingApprovalIsApproved() {
        TriageItem item = awaiting(MAYA);
        item.status = TriageStatus.DECIDED;
        ProblemException e = assertThrows(ProblemException.class, () -> item.requireApprovableBy(OWEN));
        assertEquals(ProblemType.CONFLICT, e.type());
    }

    @Test
    void nobodyChangesTheirOwnRecordsSignInRoleOrActiveFlag() {
        StaffMember own = manager("tm-maya-reid", "sub-maya");

        FourEyesViolation e = assertThrows(FourEyesViolation.class, () -> own.requireChangeableBy(MAYA, false, null,
                StaffRole.TRIAGE_WORKER, false, false));
        assertEquals(List.of("subject", "role", "active"), e.errors().stream().map(FieldError::field).toList());
        // her own record found by her sign-in even when she acts through another record
        assertThrows(FourEyesViolation.class, () -> own.requireChangeableBy(MAYA_SECOND_RECORD, false, "sub-new",
                StaffRole.TEAM_MANAGER, true, false));
        // the rest of her own record is hers to keep up to date
        assertDoesNotThrow(() -> own.requireChangeableBy(MAYA, false, "sub-maya", StaffRole.TEAM_MANAGER, true,
                false));
        // another manager may change all three, and move the sign-in
        assertDoesNotThrow(() -> own.requireChangeableBy(OWEN, false, null, StaffRole.TRIAGE_WORKER, false, true));
    }

    @Test
    void aSignInOnceLinkedMovesOnlyByAnotherManager() {
        StaffMember second = new StaffMember();
        second.id = "tm-maya-2";
        // Maya links her own sign-in, linked to a record before, to a new record: refused
        FourEyesViolation e = assertThrows(FourEyesViolation.class, () -> second.requireChangeableBy(MAYA, true,
                "sub-maya", StaffRole.TEAM_MANAGER, true, true));
        assertEquals("subject", e.errors().get(0).field());
        assertEquals(ProblemType.FORBIDDEN, e.type());
        // Owen may move it; and a manager's first record (never linked before) she may add herself
        assertDoesNotThrow(() -> second.requireChangeableBy(OWEN, true, "sub-maya", StaffRole.TEAM_MANAGER, true,
                true));
        assertDoesNotThrow(() -> second.requireChangeableBy(MAYA, true, "sub-maya", StaffRole.TEAM_MANAGER, true,
                false));
    }

    @Test
    void aCaseOpenedFromImmediateRiskNeedsASecondManagerForItsFirstTenWorkingDays() {
        CareCase c = new CareCase();
        c.openedAt = Instant.parse("2026-12-14T10:00:00Z"); // Monday 14 December 2026
        c.openedOnImmediateRisk = true;
        // ten working days on, across Christmas and Boxing Day (28 December is the substitute bank holiday)
        Instant tenWorkingDaysOn = Instant.parse("2026-12-30T10:00:00Z");
        assertTrue(c.changeNeedsSecondManager(Instant.parse("2026-12-14T10:05:00Z"), CALENDAR, 10));
        assertTrue(c.changeNeedsSecondManager(tenWorkingDaysOn.minusSeconds(1), CALENDAR, 10));
        assertFalse(c.changeNeedsSecondManager(tenWorkingDaysOn, CALENDAR, 10));
        c.openedOnImmediateRisk = false;
        assertFalse(c.changeNeedsSecondManager(Instant.parse("2026-12-14T10:05:00Z"), CALENDAR, 10));
    }

    @Test
    void aCaseChangeIsApprovedByAnotherManagerOnlyAndOnce() {
        CaseChangeRequest close = CaseChangeRequest.close(UUID.randomUUID(), new CloseCommand("RC7", " Done. "), MAYA,
                Instant.parse("2026-12-14T11:00:00Z"));
        assertEquals("Done.", close.summary);
        assertRefused(() -> close.approveBy(MAYA_SECOND_RECORD, Instant.now()), "You asked for this close");
        assertRefused(() -> close.approveBy(OTHER_ON_MAYAS_RECORD, Instant.now()), "You asked for this close");
        assertEquals(CaseChangeRequest.Status.PENDING, close.status);

        close.approveBy(OWEN, Instant.parse("2026-12-14T12:00:00Z"));
        assertEquals(CaseChangeRequest.Status.APPROVED, close.status);
        assertEquals("sub-owen", close.reviewedBySubject);
        assertEquals("tm-maya-reid", close.requester().id(), "the close is made as the manager who asked");
        ProblemException again = assertThrows(ProblemException.class, () -> close.approveBy(OWEN, Instant.now()));
        assertEquals(ProblemType.CONFLICT, again.type());

        CaseChangeRequest step = CaseChangeRequest.step(UUID.randomUUID(), new StepCommand("DOWN", Pathway.EARLY_HELP,
                "Risks reduced.", "", LocalDate.parse("2026-12-11"), " ", null), MAYA, Instant.now());
        assertNull(step.partnerSummary);
        assertNull(step.leadWorker);
        step.declineBy(MAYA, "Withdrawn: the panel meets again.", Instant.now());
        assertEquals(CaseChangeRequest.Status.DECLINED, step.status);
    }

    @Test
    void authorisingAnAssessmentIsATeamManagersActKeptWithWho() {
        Assessment a = new Assessment();
        LocalDate on = LocalDate.parse("2026-12-04");
        FourEyesViolation e = assertThrows(FourEyesViolation.class,
                () -> a.recordAuthorisation(on, List.of("2B"), true, TARA_WORKER));
        assertEquals("authorisedOn", e.errors().get(0).field());
        assertNull(a.authorisedOn);
        // the worker may resend what is there (nothing authorised) while recording the rest
        assertDoesNotThrow(() -> a.recordAuthorisation(null, List.of(), null, TARA_WORKER));

        a.recordAuthorisation(on, List.of("2B"), true, MAYA);
        assertEquals(on, a.authorisedOn);
        assertEquals("tm-maya-reid", a.authorisedBy);
        assertEquals("sub-maya", a.authorisedBySubject);
        // nor may a worker change or take back the authorisation, its factors or its conclusion
        assertThrows(FourEyesViolation.class, () -> a.recordAuthorisation(on, List.of("3A"), true, TARA_WORKER));
        assertThrows(FourEyesViolation.class, () -> a.recordAuthorisation(null, List.of(), null, TARA_WORKER));
        assertDoesNotThrow(() -> a.recordAuthorisation(on, List.of("2B"), true, TARA_WORKER));
    }

    @Test
    void recordingThatNoConferenceIsNeededIsATeamManagersActKeptWithWho() {
        Section47Enquiry e = new Section47Enquiry();
        FourEyesViolation refused = assertThrows(FourEyesViolation.class,
                () -> e.recordIcpcNotRequired(true, TARA_WORKER));
        assertEquals("icpcNotRequired", refused.errors().get(0).field());
        assertFalse(e.icpcNotRequired);
        e.recordIcpcNotRequired(true, OWEN);
        assertTrue(e.icpcNotRequired);
        assertEquals("tm-owen-hart", e.icpcNotRequiredBy);
        assertEquals("sub-owen", e.icpcNotRequiredBySubject);
        assertThrows(FourEyesViolation.class, () -> e.recordIcpcNotRequired(false, TARA_WORKER));
    }

    private static TriageItem awaiting(Actor decider) {
        TriageItem item = new TriageItem();
        item.id = UUID.randomUUID();
        item.status = TriageStatus.AWAITING_APPROVAL;
        item.decidedBy(decider, Instant.parse("2026-12-07T09:00:00Z"));
        return item;
    }

    private static StaffMember manager(String id, String subject) {
        StaffMember s = new StaffMember();
        s.id = id;
        s.subject = subject;
        s.role = StaffRole.TEAM_MANAGER;
        s.active = true;
        return s;
    }

    private static void assertRefused(Runnable move, String detailStart) {
        FourEyesViolation e = assertThrows(FourEyesViolation.class, move::run);
        assertEquals(ProblemType.FORBIDDEN, e.type());
        assertTrue(e.getMessage().startsWith(detailStart), e.getMessage());
    }
}
