package org.frontdoor.triage.statutory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The DfE's input rules on an s17 assessment and an s47 enquiry, on the records themselves: no database. */
class AssessmentRulesTest {

    private static final LocalDate REFERRAL = LocalDate.parse("2026-11-02"); // a Monday
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales(List.of());
    private static final Actor MAYA = new Actor("tm-maya-reid", "sub-maya", null, true);

    private static AssessmentFactor factor(String code) {
        return AssessmentFactor.fromCode(code).orElseThrow();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Nested
    class AnAssessment {

        @Test
        void startsNotBeforeTheReferralNorInTheFuture() {
            List<FieldError> early = Assessment.check(new AssessmentCommand(REFERRAL.minusDays(1), true, null, null,
                    null), REFERRAL, TODAY);
            assertEquals(List.of(new FieldError("startedOn", "must not be before the referral, 2026-11-02 (DfE rule"
                    + " 1103)")), early);
            List<FieldError> future = Assessment.check(new AssessmentCommand(TODAY.plusDays(1), true, null, null,
                    null), REFERRAL, TODAY);
            assertEquals(List.of(new FieldError("startedOn", "must not be in the future")), future);
            assertTrue(Assessment.check(new AssessmentCommand(REFERRAL, true, null, null, null), REFERRAL, TODAY)
                    .isEmpty());
        }

        @Test
        void isAuthorisedNotBeforeItStartedAndItsFactorsAndConclusionComeWithTheAuthorisation() {
            List<FieldError> errors = Assessment.check(new AssessmentCommand(REFERRAL.plusDays(5), true,
                    REFERRAL.plusDays(4), List.of(factor("2B")), true), REFERRAL, TODAY);
            assertEquals(List.of("authorisedOn"), fields(errors));
            assertTrue(errors.get(0).message().endsWith("(DfE rule 8608)"));

            List<FieldError> early = Assessment.check(new AssessmentCommand(REFERRAL, true, null,
                    List.of(factor("2B")), false), REFERRAL, TODAY);
            assertEquals(List.of("factors", "requiresSupport"), fields(early));
        }

        @Test
        void namesEachFactorOnceAndTwentyOneAlone() {
            List<FieldError> errors = Assessment.check(new AssessmentCommand(REFERRAL, true, TODAY,
                    List.of(factor("21"), factor("2B"), factor("2B")), true), REFERRAL, TODAY);
            assertEquals(List.of("factors[0]", "factors[2]"), fields(errors));
            assertTrue(errors.get(0).message().contains("8898"));
            assertTrue(errors.get(1).message().contains("8897"));
        }

        @Test
        void startsDueWhenToldAndKeepsWhoRecordedIt() {
            Instant now = Instant.parse("2026-12-07T10:00:00Z");
            UUID item = UUID.randomUUID();
            Assessment a = Assessment.start(item, LocalDate.parse("2027-01-06"), new AssessmentCommand(REFERRAL,
                    true, null, null, null), MAYA, now);
            assertEquals(item, a.triageItemId);
            assertEquals("tm-maya-reid", a.recordedBy);
            assertEquals(now, a.updatedAt);
            assertEquals("s17 assessment started 2026-11-02, due by 2027-01-06", a.startedNote());
        }
    }

    @Nested
    class AnEnquiry {

        private Section47Command command(LocalDate strategy, LocalDate icpc, LocalDate planStart,
                CategoryOfAbuse category) {
            return new Section47Command(strategy, null, icpc, null, planStart, category, null);
        }

        @Test
        void itsStrategyDiscussionKeepsTheSameDateRulesAsAnAssessment() {
            List<FieldError> early = Section47Enquiry.check(command(REFERRAL.minusDays(1), null, null, null),
                    REFERRAL, TODAY, CALENDAR);
            assertEquals(List.of(new FieldError("strategyDiscussionOn", "must not be before the referral, 2026-11-02"
                    + " (DfE rule 2889)")), early);
            assertEquals(List.of(new FieldError("strategyDiscussionOn", "must not be in the future")),
                    Section47Enquiry.check(command(TODAY.plusDays(1), null, null, null), REFERRAL, TODAY, CALENDAR));
        }

        @Test
        void holdsItsConferenceOnAWorkingDayAndStartsThePlanThere() {
            LocalDate saturday = LocalDate.parse("2026-11-21");
            List<FieldError> weekend = Section47Enquiry.check(command(REFERRAL, saturday, null, null), REFERRAL,
                    TODAY, CALENDAR);
            assertEquals(List.of(new FieldError("icpcOn", "must be a working day: 2026-11-21 is a weekend (DfE rule"
                    + " 8870)")), weekend);
            LocalDate friday = LocalDate.parse("2026-11-20");
            List<FieldError> plan = Section47Enquiry.check(command(REFERRAL, friday, friday.minusDays(1), null),
                    REFERRAL, TODAY, CALENDAR);
            assertEquals(List.of("planStartedOn", "planCategory"), fields(plan));
            assertTrue(Section47Enquiry.check(command(REFERRAL, friday, friday, CategoryOfAbuse.fromCode("NEG")
                    .orElseThrow()), REFERRAL, TODAY, CALENDAR).isEmpty());
        }

        @Test
        void concludesWithAConferenceOrWithNoneNeeded() {
            Section47Enquiry e = Section47Enquiry.start(UUID.randomUUID(), command(REFERRAL, null, null, null),
                    LocalDate.parse("2026-11-23"), MAYA, Instant.parse("2026-12-07T10:00:00Z"));
            assertTrue(e.open());
            assertTrue(e.concludedBy(command(REFERRAL, LocalDate.parse("2026-11-20"), null, null)));
            assertEquals("s47 enquiry from the strategy discussion of 2026-11-02; initial conference due by"
                    + " 2026-11-23", e.startedNote());
        }
    }
}
