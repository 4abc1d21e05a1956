package org.frontdoor.triage.statutory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.staff.Actor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The DfE's input rules on CIN plans and on a child protection plan's reviews and categories: no database. */
class PlanRulesTest {

    private static final LocalDate REFERRAL = LocalDate.parse("2026-11-02");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final Actor TARA = new Actor("tw-tara-jones", "sub-tara", null, false);

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Nested
    class ACinPlan {

        private List<FieldError> check(String start, String end, List<PlanPeriod> others, List<PlanPeriod> cps) {
            return ChildInNeedPlan.check(new CinPlanCommand(d(start), end == null ? null : d(end)), REFERRAL, TODAY,
                    others, cps);
        }

        @Test
        void startsNotBeforeTheReferralNorInTheFuture() {
            assertEquals(List.of(new FieldError("startedOn", "must not be before the referral, 2026-11-02 (DfE rule"
                    + " 4015)")), check("2026-11-01", null, List.of(), List.of()));
            assertEquals(List.of(new FieldError("startedOn", "must not be in the future (DfE rule 4010)")),
                    check("2026-12-08", null, List.of(), List.of()));
            assertEquals(List.of(), check("2026-11-02", null, List.of(), List.of()));
        }

        @Test
        void endsNotBeforeItStartedNorInTheFuture() {
            assertEquals(List.of(new FieldError("endedOn", "must not be before the plan started, 2026-11-10 (DfE rule"
                    + " 4011)")), check("2026-11-10", "2026-11-09", List.of(), List.of()));
            assertEquals(List.of(new FieldError("endedOn", "must not be in the future")),
                    check("2026-11-10", "2026-12-08", List.of(), List.of()));
            assertEquals(List.of(), check("2026-11-10", "2026-11-10", List.of(), List.of()));
        }

        @Test
        void overlapsNoOtherCinPlanOfTheChild() {
            List<PlanPeriod> open = List.of(new PlanPeriod(d("2026-11-05"), null));
            List<FieldError> second = check("2026-11-20", null, open, List.of());
            assertEquals(List.of("startedOn"), fields(second));
            assertTrue(second.get(0).message().contains("from 2026-11-05, still going on"), second::toString);
            assertTrue(second.get(0).message().contains("4014"), second::toString);
            assertEquals(List.of("endedOn"), fields(check("2026-11-02", "2026-11-06", open, List.of())),
                    "ends after the other began");
            List<PlanPeriod> ended = List.of(new PlanPeriod(d("2026-11-05"), d("2026-11-20")));
            assertEquals(List.of(), check("2026-11-20", null, ended, List.of()), "starts the day the other ended");
        }

        @Test
        void runsNotAlongsideAChildProtectionPlan() {
            List<PlanPeriod> cp = List.of(new PlanPeriod(d("2026-11-10"), d("2026-12-01")));
            List<FieldError> during = check("2026-11-20", null, List.of(), cp);
            assertEquals(List.of("startedOn"), fields(during));
            assertTrue(during.get(0).message().contains("DfE rule 4001"), during::toString);
            assertEquals(List.of(), check("2026-12-01", null, List.of(), cp), "a step down at the plan's last review");
        }
    }

    @Nested
    class AProtectionPlan {

        private final Section47Enquiry plan = plan("2026-11-13", null);

        private Section47Enquiry plan(String start, String end) {
            Section47Enquiry e = new Section47Enquiry();
            e.id = UUID.randomUUID();
            e.planStartedOn = d(start);
            e.planEndedOn = end == null ? null : d(end);
            e.planCategory = "NEG";
            return e;
        }

        private List<FieldError> review(Section47Enquiry e, String on, List<LocalDate> done, List<PlanPeriod> cins) {
            return ProtectionPlanReview.check(new PlanReviewCommand(d(on)), e, TODAY, done, cins);
        }

        @Test
        void isReviewedAfterItStartedAndNotAfterItEndedNorInTheFuture() {
            assertEquals(List.of(new FieldError("reviewedOn", "must be after the plan started, 2026-11-13 (DfE rule"
                    + " 8841)")), review(plan, "2026-11-13", List.of(), List.of()));
            assertEquals(List.of(new FieldError("reviewedOn", "must not be after the plan ended, 2026-11-30")),
                    review(plan("2026-11-13", "2026-11-30"), "2026-12-01", List.of(), List.of()));
            assertEquals(List.of(new FieldError("reviewedOn", "must not be in the future")),
                    review(plan, "2026-12-08", List.of(), List.of()));
            assertEquals(List.of(), review(plan, "2026-12-04", List.of(), List.of()));
        }

        @Test
        void isReviewedOnceADayAndNotWhileACinPlanRuns() {
            assertEquals(List.of("reviewedOn"), fields(review(plan, "2026-12-04", List.of(d("2026-12-04")),
                    List.of())));
            List<FieldError> during = review(plan, "2026-12-04", List.of(), List.of(new PlanPeriod(d("2026-11-20"),
                    null)));
            assertTrue(during.get(0).message().contains("DfE rule 4003"), during::toString);
            assertEquals(List.of(), review(plan, "2026-12-04", List.of(), List.of(new PlanPeriod(d("2026-12-04"),
                    null))), "the review that stepped the child down to the CIN plan");
        }

        @Test
        void changesCategoryAfterItStartedToAnotherCategoryOnceADay() {
            CategoryChangeCommand emotional = new CategoryChangeCommand(d("2026-12-04"), CategoryOfAbuse.EMOTIONAL);
            assertEquals(List.of(), ProtectionPlanCategoryChange.check(emotional, plan, TODAY, List.of()));
            assertEquals(List.of("changedOn"), fields(ProtectionPlanCategoryChange.check(new CategoryChangeCommand(
                    d("2026-11-13"), CategoryOfAbuse.EMOTIONAL), plan, TODAY, List.of())));
            assertEquals(List.of(new FieldError("category", "is already the plan's category on 2026-12-04: Neglect")),
                    ProtectionPlanCategoryChange.check(new CategoryChangeCommand(d("2026-12-04"),
                            CategoryOfAbuse.NEGLECT), plan, TODAY, List.of()));
            ProtectionPlanCategoryChange earlier = ProtectionPlanCategoryChange.of(plan, new CategoryChangeCommand(
                    d("2026-11-20"), CategoryOfAbuse.EMOTIONAL), TARA, Instant.parse("2026-11-20T12:00:00Z"));
            assertEquals(List.of("category"), fields(ProtectionPlanCategoryChange.check(emotional, plan, TODAY,
                    List.of(earlier))), "emotional since 20 November");
            assertEquals(List.of("changedOn"), fields(ProtectionPlanCategoryChange.check(new CategoryChangeCommand(
                    d("2026-11-20"), CategoryOfAbuse.SEXUAL), plan, TODAY, List.of(earlier))), "one a day");
            assertEquals("EMO", ProtectionPlanCategoryChange.categoryOn(plan, List.of(earlier), d("2026-12-04")));
            assertEquals("NEG", ProtectionPlanCategoryChange.categoryOn(plan, List.of(earlier), d("2026-11-19")));
        }
    }
}
