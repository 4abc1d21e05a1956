package org.frontdoor.returns;

import static org.frontdoor.returns.CensusFixtures.HEADER;
import static org.frontdoor.returns.Edit.assessment;
import static org.frontdoor.returns.Edit.child;
import static org.frontdoor.returns.Edit.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.ClosureReason;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One failing case (at least) per DfE rule the validator implements, on the 2025-26 census
 * (1 April 2025 to 31 March 2026), each made by changing one thing in a valid fixture child.
 */
class CinCensusValidatorTest {

    private final CinCensusValidator validator = new CinCensusValidator(WorkingDays.weekdaysOnly());

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    // ---------------------------------------------------------------- the whole

    @Test
    void theFixturesBreakNoRuleAndRaiseOnlyTheQueryForTheLongOpenAssessment() {
        List<CensusRuleFailure> failures = validator.validate(HEADER, CensusFixtures.all());
        // UNB005's assessment started 13 January 2026: 55 working days before 31 March
        assertEquals(List.of(new CensusRuleFailure("UNB005", "8670Q", true,
                "The assessment has been open more than 45 working days at the end of the year",
                "CINdetails[1]/Assessments[1]/AssessmentActualStartDate")), failures);
    }

    @Test
    void theEnglandCalendarFromServiceSupportPlugsIn() {
        WorkingCalendar calendar = WorkingCalendar.englandAndWales(List.of());
        CinCensusValidator real = new CinCensusValidator(calendar::workingDaysBetween);
        assertEquals(validator.validate(HEADER, CensusFixtures.all()), real.validate(HEADER, CensusFixtures.all()));
    }

    @Test
    void partitionKeepsChildrenWithQueriesOnlyAndSetsAsideChildrenWithErrors() {
        CensusChild broken = child(CensusFixtures.childInNeed(), c -> {
            c.id = "BAD9";
            c.upn = null; // its own child: no UPN shared with S17003
            c.upnUnknown = UpnUnknownReason.NEWLY_IN_NEED;
            c.ethnicity = null;
        });
        List<CensusChild> children = new ArrayList<>(CensusFixtures.all());
        children.add(2, broken);
        CensusPartition partition = validator.partition(HEADER, children);

        assertEquals(CensusFixtures.all(), partition.accepted());
        assertEquals(2, partition.failures().size());
        ChildFailures queried = partition.failures().get(1);
        assertEquals("UNB005", queried.child().laChildId());
        assertFalse(queried.blocking());
        assertEquals(List.of("8670Q"), queried.queries().stream().map(CensusRuleFailure::rule).toList());
        ChildFailures rejected = partition.failures().get(0);
        assertEquals(broken, rejected.child());
        assertTrue(rejected.blocking());
        assertEquals(List.of(rejected), partition.rejected());
        assertEquals(List.of("4220"), rejected.errors().stream().map(CensusRuleFailure::rule).toList());
        assertEquals(List.of(), partition.returnLevel());
        assertEquals(2, partition.all().size());
    }

    @Test
    void theAcceptedChildrenMakeAValidFile() throws Exception {
        List<CensusChild> children = new ArrayList<>(CensusFixtures.all());
        children.add(child(CensusFixtures.childInNeed(), c -> { // would break the schema too
            c.id = "NOSEX";
            c.upn = null;
            c.upnUnknown = UpnUnknownReason.NEWLY_IN_NEED;
            c.sex = null;
        }));
        CensusPartition partition = validator.partition(HEADER, children);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CinCensusWriter().write(HEADER, partition.accepted(), out);
        assertEquals(List.of(), validator.validateSchema(out.toByteArray()));
    }

    @Test
    void schemaErrorsAreReportedWithTheirPlace() throws Exception {
        byte[] bad = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message><Children><Child><ChildIdentifiers>"
                + "<LAchildID>A</LAchildID><Sex>X</Sex></ChildIdentifiers></Child></Children></Message>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<SchemaError> errors = validator.validateSchema(bad);
        assertFalse(errors.isEmpty());
        assertEquals(2, errors.get(0).line());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("'X'")), errors::toString);
        assertFalse(validator.validateSchema("<Message>".getBytes()).isEmpty(), "not well formed");
    }

    // ---------------------------------------------------------------- 1-2: identifiers

    @Nested
    class Identifiers {

        @Test
        void r8500LaChildIdMissing() {
            fails("8500", null, child(CensusFixtures.childInNeed(), c -> c.id = null));
            fails("8500", " ", child(CensusFixtures.childInNeed(), c -> c.id = " "));
        }

        @Test
        void r8510LaChildIdTwice() {
            CensusChild a = CensusFixtures.childInNeed();
            CensusChild b = child(CensusFixtures.childProtection(), c -> c.id = "S17003");
            List<CensusRuleFailure> failures = validator.validate(HEADER, List.of(a, b));
            assertEquals(2, failures.stream().filter(f -> f.rule().equals("8510")).count(), failures::toString);
        }

        @Test
        void r1570LaChildIdLongerThan20() {
            fails("1570", "ABCDEFGHIJ0123456789X", child(CensusFixtures.childInNeed(), c -> c.id = "ABCDEFGHIJ0123456789X"));
            passes("1570", child(CensusFixtures.childInNeed(), c -> c.id = "ABCDEFGHIJ0123456789"));
        }

        @Test
        void r1580LaChildIdNotAlphanumeric() {
            fails("1580", "S17-003", child(CensusFixtures.childInNeed(), c -> c.id = "S17-003"));
        }

        @Test
        void r1510WrongCheckLetter() {
            CensusRuleFailure f = fails("1510", "S17003", child(CensusFixtures.childInNeed(), c -> c.upn = "D820123456780"));
            assertEquals("UPN", f.field());
            assertTrue(f.message().contains("C"), f.message());
        }

        @Test
        void r1530NotAnLaCode() {
            String upn = Upn.checkLetter("X999000000001").orElseThrow() + "999000000001";
            CensusChild c = child(CensusFixtures.childInNeed(), x -> x.upn = upn);
            fails("1530", "S17003", c);
            passes("1510", c);
        }

        @Test
        void r1540NotDigitsInTheMiddle() {
            fails("1540", "S17003", child(CensusFixtures.childInNeed(), c -> c.upn = "C8201234X6780"));
        }

        @Test
        void r1550BadLastCharacter() {
            fails("1550", "S17003", child(CensusFixtures.childInNeed(), c -> c.upn = "C82012345678I"));
        }

        @Test
        void r1520SameUpnTwice() {
            CensusChild a = CensusFixtures.childInNeed();
            CensusChild b = child(CensusFixtures.childProtection(), c -> c.upn = a.upn());
            List<CensusRuleFailure> failures = validator.validate(HEADER, List.of(a, b));
            assertEquals(List.of("S17003", "CP004"),
                    failures.stream().filter(f -> f.rule().equals("1520")).map(CensusRuleFailure::laChildId).toList());
        }

        @Test
        void r1560qFormerUpnMalformed() {
            fails("1560Q", "OPEN007", child(CensusFixtures.openAssessment(), c -> c.formerUpn = "D33055500000"));
            fails("1560Q", "OPEN007", child(CensusFixtures.openAssessment(), c -> c.formerUpn = "A330555000001"));
        }
    }

    // ---------------------------------------------------------------- 3-6: the child

    @Nested
    class TheChild {

        @Test
        void r8770qSchoolAgeWithoutUpnOrReason() {
            fails("8770Q", "S17003", child(CensusFixtures.childInNeed(), c -> c.upn = null));
            fails("8770Q", "S17003", child(CensusFixtures.childInNeed(), c -> {
                c.upn = null;
                c.upnUnknown = UpnUnknownReason.UNDER_SIX_NO_UPN;
            }));
            passes("8770Q", child(CensusFixtures.childInNeed(), c -> {
                c.upn = null;
                c.upnUnknown = UpnUnknownReason.NEWLY_IN_NEED;
            }));
            // born 1 September 2022: not of school age until September 2027
            passes("8770Q", child(CensusFixtures.childInNeed(), c -> {
                c.upn = null;
                c.birth = d("2022-09-01");
            }));
        }

        @Test
        void r8772Un7ButFurtherAction() {
            fails("8772", "S17003", child(CensusFixtures.childInNeed(), c -> {
                c.upn = null;
                c.upnUnknown = UpnUnknownReason.REFERRAL_NFA;
            }));
        }

        @Test
        void r4180SexMissing() {
            fails("4180", "S17003", child(CensusFixtures.childInNeed(), c -> c.sex = null));
        }

        @Test
        void r8750UnbornIsU() {
            fails("8750", "UNB005", child(CensusFixtures.unborn(), c -> c.sex = CensusSex.FEMALE));
        }

        @Test
        void r2886qMoreThanTwoPercentWithNoSex() {
            List<CensusChild> children = new ArrayList<>(CensusFixtures.all());
            children.add(child(CensusFixtures.childInNeed(), c -> {
                c.id = "U1";
                c.sex = CensusSex.UNKNOWN;
            }));
            CensusPartition partition = validator.partition(HEADER, children);
            assertEquals(1, partition.returnLevel().size());
            CensusRuleFailure f = partition.returnLevel().get(0);
            assertEquals("2886Q", f.rule());
            assertTrue(f.query());
            assertNull(f.laChildId());
            // the unborn child's U does not count, and one in fifty is not more than 2%
            List<CensusChild> fifty = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                fifty.add(child(CensusFixtures.childInNeed(), c -> {
                    c.id = "K" + n;
                    c.upn = null;
                    c.upnUnknown = UpnUnknownReason.NEWLY_IN_NEED;
                    c.sex = n == 0 ? CensusSex.UNKNOWN : CensusSex.MALE;
                }));
            }
            assertEquals(List.of(), validator.partition(HEADER, fifty).returnLevel());
        }

        @Test
        void r8525qBirthDateXorExpected() {
            fails("8525Q", "UNB005", child(CensusFixtures.unborn(), c -> c.expected = null));
            fails("8525Q", "S17003", child(CensusFixtures.childInNeed(), c -> c.expected = d("2019-09-01")));
        }

        @Test
        void r8520BornAfterTheReferenceDate() {
            fails("8520", "UNB005", child(CensusFixtures.unborn(), c -> {
                c.expected = null;
                c.birth = d("2026-04-02");
            }));
        }

        @Test
        void r8606ReferralMoreThan280DaysBeforeBirth() {
            // expected 31 December 2026: 280 days before is 26 March 2026, after the referral of 12 January
            CensusRuleFailure f = fails("8606", "UNB005", child(CensusFixtures.unborn(), c -> c.expected = d("2026-12-31")));
            assertEquals("CINdetails[1]/CINreferralDate", f.field());
            passes("8606", child(CensusFixtures.unborn(), c -> c.expected = d("2026-10-19"))); // exactly 280 days
        }

        @Test
        void r4220EthnicityMissing() {
            fails("4220", "S17003", child(CensusFixtures.childInNeed(), c -> c.ethnicity = null));
        }

        @Test
        void r8540BornChildWithFurtherActionNeedsADisabilityCode() {
            fails("8540", "S17003", child(CensusFixtures.childInNeed(), c -> c.disabilities = List.of()));
            passes("8540", CensusFixtures.nfaReferral());
            passes("8540", CensusFixtures.unborn());
        }

        @Test
        void r8790NoneWithOthers() {
            fails("8790", "S17003", child(CensusFixtures.childInNeed(),
                    c -> c.disabilities = List.of(Disability.NONE, Disability.MOBILITY)));
        }

        @Test
        void r8794SameDisabilityTwice() {
            fails("8794", "S17003", child(CensusFixtures.childInNeed(),
                    c -> c.disabilities = List.of(Disability.MOBILITY, Disability.MOBILITY)));
        }
    }

    // ---------------------------------------------------------------- 7-13: referral and closure

    @Nested
    class ReferralAndClosure {

        @Test
        void r8600ReferralDateMissingOrAfterTheYear() {
            fails("8600", "OPEN007", episode(CensusFixtures.openAssessment(), e -> {
                e.referral = d("2026-04-01");
                e.assessments = List.of();
            }));
            fails("8600", "OPEN007", episode(CensusFixtures.openAssessment(), e -> e.referral = null));
        }

        @Test
        void r8866SourceMissing() {
            fails("8866", "S17003", episode(CensusFixtures.childInNeed(), e -> e.source = null));
        }

        @Test
        void r8569qNfaReferralFromBeforeTheYear() {
            // 1 April 2025 is a Tuesday: the working day before is Monday 31 March
            fails("8569Q", "NFA001", episode(CensusFixtures.nfaReferral(), e -> e.referral = d("2025-03-28")));
            passes("8569Q", episode(CensusFixtures.nfaReferral(), e -> e.referral = d("2025-03-31")));
            // with 31 March a holiday, the working day before 1 April is Friday 28 March
            WorkingDays easterLike = (from, to) -> {
                int n = WorkingDays.weekdaysOnly().between(from, to);
                LocalDate holiday = d("2025-03-31");
                return holiday.isAfter(from) && !holiday.isAfter(to) ? n - 1 : n;
            };
            assertTrue(new CinCensusValidator(easterLike).validate(HEADER,
                    List.of(episode(CensusFixtures.nfaReferral(), e -> e.referral = d("2025-03-28")))).isEmpty());
        }

        @Test
        void r8831NfaWithAnAssessmentOrS47() {
            fails("8831", "NFA001", episode(CensusFixtures.nfaReferral(),
                    e -> e.assessments = List.of(assessment(d("2025-05-13"), null))));
            fails("8831", "NFA001", episode(CensusFixtures.nfaReferral(), e -> e.icpc = d("2025-05-20")));
        }

        @Test
        void r8832NfaWithAPlan() {
            fails("8832", "NFA001", episode(CensusFixtures.nfaReferral(), e -> e.plans = List.of(new ProtectionPlan(
                    d("2025-05-20"), null, CategoryOfAbuse.NEGLECT, CategoryOfAbuse.NEGLECT, 0, List.of()))));
        }

        @Test
        void r4000NfaWithACinPlan() {
            fails("4000", "NFA001", episode(CensusFixtures.nfaReferral(),
                    e -> e.cinPlans = List.of(new CinPlan(d("2025-05-20"), null))));
        }

        @Test
        void r8610PrimaryNeedMissing() {
            fails("8610", "S17003", episode(CensusFixtures.childInNeed(), e -> e.need = null));
            passes("8610", CensusFixtures.nfaReferral());
        }

        @Test
        void r8805ClosureDateWithoutReason() {
            fails("8805", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(), e -> e.reason = null));
        }

        @Test
        void r8810ReasonWithoutClosureDate() {
            fails("8810", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(), e -> e.closed = null));
        }

        @Test
        void r8620ClosureOutsideTheYear() {
            fails("8620", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(), e -> e.closed = d("2026-04-01")));
        }

        @Test
        void r8630ClosureBeforeReferral() {
            fails("8630", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(), e -> e.closed = d("2025-06-01")));
        }

        @Test
        void r8565ActivityAfterClosure() {
            CensusRuleFailure f = fails("8565", "TWO006", episode(CensusFixtures.twoEpisodes(),
                    e -> e.cinPlans = List.of(new CinPlan(d("2025-05-28"), d("2025-10-15")))));
            assertEquals("CINdetails[1]/CINclosureDate", f.field());
        }

        @Test
        void r2990ClosedAfterAssessmentButWithMore() {
            fails("2990", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(),
                    e -> e.cinPlans = List.of(new CinPlan(d("2025-07-01"), d("2025-07-15")))));
            fails("2990", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(), e -> {
                e.reason = ClosureReason.NFA_AFTER_ASSESSMENT;
                e.s47s = List.of(new Section47(d("2025-06-04"), null, null, true));
            }));
        }

        @Test
        void r8825qClosedAfterAssessmentWithoutOne() {
            fails("8825Q", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(), e -> e.assessments = List.of()));
        }

        @Test
        void r8873qOneAssessmentNoFactorsShouldCloseRc8OrRc9() {
            fails("8873Q", "S17003", episode(CensusFixtures.childInNeed(), e -> e.assessments = List.of(
                    assessment(d("2025-09-02"), d("2025-10-20"), AssessmentFactor.NONE))));
            fails("8873Q", "EH002", episode(CensusFixtures.earlyHelpAfterAssessment(),
                    e -> e.reason = ClosureReason.SERVICES_CEASED));
        }
    }

    // ---------------------------------------------------------------- 14-15: episodes

    @Nested
    class Episodes {

        @Test
        void r8590NoEpisode() {
            fails("8590", "S17003", child(CensusFixtures.childInNeed(), c -> c.episodes = List.of()));
        }

        @Test
        void r8815TwoOpenEpisodes() {
            CensusChild c = child(CensusFixtures.twoEpisodes(), x -> x.episodes.set(0, episode(x.episodes.get(0), e -> {
                e.closed = null;
                e.reason = null;
            })));
            List<CensusRuleFailure> failures = validator.validate(HEADER, List.of(c));
            assertEquals(2, failures.stream().filter(f -> f.rule().equals("8815")).count(), failures::toString);
        }

        @Test
        void r8816TheOpenEpisodeIsNotTheLatest() {
            CensusChild c = child(CensusFixtures.twoEpisodes(), x -> {
                // the second episode closed; the first is open
                x.episodes.set(0, episode(x.episodes.get(0), e -> {
                    e.closed = null;
                    e.reason = null;
                }));
                x.episodes.set(1, episode(x.episodes.get(1), e -> {
                    e.closed = d("2026-03-20");
                    e.reason = ClosureReason.SERVICES_CEASED;
                    e.assessments = List.of(assessment(d("2026-02-03"), d("2026-03-20"), AssessmentFactor.OTHER));
                }));
            });
            CensusRuleFailure f = fails("8816", "TWO006", c);
            assertEquals("CINdetails[1]/CINreferralDate", f.field());
        }

        @Test
        void r8820EpisodesOverlap() {
            CensusChild c = child(CensusFixtures.twoEpisodes(), x -> x.episodes.set(1, episode(x.episodes.get(1),
                    e -> e.referral = d("2025-09-29"))));
            CensusRuleFailure f = fails("8820", "TWO006", c);
            assertEquals("CINdetails[2]/CINreferralDate", f.field());
            // starting on the day the other closed is not an overlap
            passes("8820", child(CensusFixtures.twoEpisodes(), x -> x.episodes.set(1, episode(x.episodes.get(1), e -> {
                e.referral = d("2025-09-30");
                e.assessments = List.of(assessment(d("2026-02-03"), null));
            }))));
        }

        @Test
        void r1103AssessmentBeforeReferral() {
            fails("1103", "S17003", episode(CensusFixtures.childInNeed(), e -> e.referral = d("2025-09-03")));
        }

        @Test
        void r2889S47BeforeReferral() {
            fails("2889", "CP004", episode(CensusFixtures.childProtection(),
                    e -> e.s47s = List.of(new Section47(d("2025-11-01"), d("2025-11-21"), d("2025-11-24"), false))));
        }

        @Test
        void r1104ConferenceBeforeReferral() {
            fails("1104", "TRF008", episode(CensusFixtures.transferIn(), e -> e.referral = d("2025-08-06")));
        }

        @Test
        void r1105PlanBeforeReferral() {
            fails("1105", "TRF008", episode(CensusFixtures.transferIn(), e -> {
                e.referral = d("2025-08-06");
                e.icpc = null;
            }));
        }

        @Test
        void r4015CinPlanBeforeReferral() {
            fails("4015", "S17003", episode(CensusFixtures.childInNeed(), e -> {
                e.referral = d("2025-09-01");
                e.cinPlans = List.of(new CinPlan(d("2025-08-30"), null));
            }));
        }
    }

    // ---------------------------------------------------------------- 16-17: assessments

    @Nested
    class Assessments {

        private CensusChild withAssessments(CensusAssessment... assessments) {
            return episode(CensusFixtures.childInNeed(), e -> e.assessments = List.of(assessments));
        }

        @Test
        void r8608AuthorisedBeforeStart() {
            fails("8608", "S17003", withAssessments(assessment(d("2025-09-02"), d("2025-09-01"), AssessmentFactor.OTHER)));
        }

        @Test
        void r8696AuthorisedOutsideTheYear() {
            fails("8696", "S17003", withAssessments(assessment(d("2025-09-02"), d("2026-04-05"), AssessmentFactor.OTHER)));
        }

        @Test
        void r8736OpenAssessmentStartedBeforeTheYear() {
            fails("8736", "S17003", episode(CensusFixtures.childInNeed(), e -> {
                e.referral = d("2025-02-20");
                e.cinPlans = List.of();
                e.assessments = List.of(assessment(d("2025-03-01"), null));
            }));
        }

        @Test
        void r8896TwoOpenAssessments() {
            fails("8896", "S17003", withAssessments(assessment(d("2025-09-02"), null), assessment(d("2026-03-02"), null)));
        }

        @Test
        void r8863qAnAssessmentStartsDuringAnother() {
            CensusRuleFailure f = fails("8863Q", "S17003", withAssessments(
                    assessment(d("2025-09-02"), d("2025-10-20"), AssessmentFactor.OTHER),
                    assessment(d("2025-10-01"), d("2025-10-30"), AssessmentFactor.OTHER)));
            assertEquals("CINdetails[1]/Assessments[2]/AssessmentActualStartDate", f.field());
        }

        @Test
        void r8670qOpenMoreThan45WorkingDays() {
            fails("8670Q", "S17003", withAssessments(assessment(d("2025-12-01"), null)));
            passes("8670Q", withAssessments(assessment(d("2026-02-02"), null)));
        }

        @Test
        void r8867ClosedEpisodeWithAnOpenAssessment() {
            fails("8867", "TWO006", episode(CensusFixtures.twoEpisodes(),
                    e -> e.assessments = List.of(assessment(d("2025-04-15"), null))));
        }

        @Test
        void r8614FactorsOnAnOpenAssessment() {
            fails("8614", "S17003", withAssessments(assessment(d("2026-03-02"), null, AssessmentFactor.NEGLECT)));
        }

        @Test
        void r8897qAuthorisedWithoutFactors() {
            fails("8897Q", "S17003", withAssessments(assessment(d("2025-09-02"), d("2025-10-20"))));
        }

        @Test
        void r8869Factor21WithOthers() {
            fails("8869", "S17003", withAssessments(
                    assessment(d("2025-09-02"), d("2025-10-20"), AssessmentFactor.NONE, AssessmentFactor.NEGLECT)));
        }

        @Test
        void r8898FactorTwice() {
            fails("8898", "S17003", withAssessments(
                    assessment(d("2025-09-02"), d("2025-10-20"), AssessmentFactor.NEGLECT, AssessmentFactor.NEGLECT)));
        }

        @Test
        void r8945qAnd8950qRetiredFactors() {
            CensusChild c = withAssessments(assessment(d("2025-09-02"), d("2025-10-20"),
                    AssessmentFactor.PHYSICAL_ABUSE, AssessmentFactor.SEXUAL_ABUSE));
            fails("8945Q", "S17003", c);
            fails("8950Q", "S17003", c);
        }
    }

    // ---------------------------------------------------------------- 18-19: s47 and plans

    @Nested
    class Section47s {

        private CensusChild withS47(Section47... enquiries) {
            return episode(CensusFixtures.childProtection(), e -> e.s47s = List.of(enquiries));
        }

        @Test
        void r8615S47AfterItsConference() {
            fails("8615", "CP004", withS47(new Section47(d("2025-11-25"), null, d("2025-11-24"), false)));
        }

        @Test
        void r8715ConferenceOutsideTheYear() {
            fails("8715", "CP004", episode(CensusFixtures.childProtection(), e -> {
                e.referral = d("2025-02-03");
                e.assessments = List.of(assessment(d("2025-02-03"), d("2025-04-10"), AssessmentFactor.NEGLECT));
                e.s47s = List.of(new Section47(d("2025-02-04"), d("2025-02-25"), d("2025-02-24"), false));
                e.plans = List.of();
            }));
        }

        @Test
        void r8740OpenS47StartedBeforeTheYear() {
            fails("8740", "CP004", episode(CensusFixtures.childProtection(), e -> {
                e.referral = d("2025-03-03");
                e.assessments = List.of(assessment(d("2025-03-03"), d("2025-04-10"), AssessmentFactor.NEGLECT));
                e.s47s = List.of(new Section47(d("2025-03-03"), null, null, false));
                e.plans = List.of();
            }));
        }

        @Test
        void r8839TwoOpenS47s() {
            fails("8839", "CP004", withS47(new Section47(d("2026-03-02"), null, null, false),
                    new Section47(d("2026-03-16"), null, null, false)));
        }

        @Test
        void r8890AnS47StartsDuringAnother() {
            CensusRuleFailure f = fails("8890", "CP004", withS47(
                    new Section47(d("2025-11-04"), d("2025-11-25"), d("2025-11-24"), false),
                    new Section47(d("2025-11-10"), null, null, true)));
            assertEquals("CINdetails[1]/Section47[2]/S47ActualStartDate", f.field());
        }

        @Test
        void r8868ClosedEpisodeWithAnS47NeitherOrBoth() {
            CensusChild open = episode(CensusFixtures.childProtection(), e -> {
                e.closed = d("2026-03-20");
                e.reason = ClosureReason.SERVICES_CEASED;
                e.plans = List.of();
                e.s47s = List.of(new Section47(d("2025-11-04"), null, null, false));
            });
            fails("8868", "CP004", open);
            fails("8868", "CP004", episode(open,
                    e -> e.s47s = List.of(new Section47(d("2025-11-04"), d("2025-11-25"), d("2025-11-24"), true))));
        }

        @Test
        void r8675qOpenS47MoreThan15WorkingDays() {
            fails("8675Q", "CP004", withS47(new Section47(d("2026-02-02"), d("2026-02-23"), null, false)));
            passes("8675Q", withS47(new Section47(d("2026-03-16"), d("2026-04-07"), null, false)));
        }

        @Test
        void r8875ConferenceOnAWeekend() {
            fails("8875", "CP004", withS47(new Section47(d("2025-11-04"), d("2025-11-25"), d("2025-11-22"), false)));
        }

        @Test
        void r8870qTargetOnAWeekend() {
            fails("8870Q", "CP004", withS47(new Section47(d("2025-11-04"), d("2025-11-23"), d("2025-11-24"), false)));
        }

        @Test
        void r2991qS47WithoutAnAssessment() {
            fails("2991Q", "CP004", episode(CensusFixtures.childProtection(), e -> e.assessments = List.of()));
        }

        @Test
        void r2884ConferenceOnTheEpisodeAndTheS47() {
            fails("2884", "CP004", episode(CensusFixtures.childProtection(), e -> e.icpc = d("2025-11-24")));
        }

        @Test
        void r2885PlanNotOnAConference() {
            fails("2885", "CP004", episode(CensusFixtures.childProtection(), e -> e.plans = List.of(new ProtectionPlan(
                    d("2025-11-25"), null, CategoryOfAbuse.NEGLECT, CategoryOfAbuse.NEGLECT, 0, List.of()))));
        }

        @Test
        void r2883MorePlansThanConferences() {
            CensusChild planWithoutConference = episode(CensusFixtures.childProtection(), e -> e.s47s = List.of(
                    new Section47(d("2025-11-04"), d("2025-11-25"), null, true)));
            CensusPartition partition = validator.partition(HEADER, List.of(planWithoutConference));
            CensusRuleFailure f = partition.returnLevel().stream().filter(x -> x.rule().equals("2883")).findFirst()
                    .orElseThrow(() -> new AssertionError(partition.returnLevel().toString()));
            assertFalse(f.query());
            assertNull(f.laChildId());
        }
    }

    @Nested
    class ProtectionPlanReviews {

        private CensusChild reviewed(LocalDate... reviews) {
            return episode(CensusFixtures.childProtection(), e -> e.plans = List.of(new ProtectionPlan(d("2025-11-24"),
                    null, CategoryOfAbuse.NEGLECT, CategoryOfAbuse.EMOTIONAL, 0, List.of(reviews))));
        }

        @Test
        void aLaterCategoryAndReviewsAfterTheStartPass() {
            assertEquals(List.of(), validator.validate(HEADER, List.of(reviewed(d("2026-02-20"), d("2026-03-20")))));
        }

        @Test
        void r8841ReviewOnOrBeforeThePlansStart() {
            CensusRuleFailure f = fails("8841", "CP004", reviewed(d("2026-02-20"), d("2025-11-24")));
            assertEquals("CINdetails[1]/ChildProtectionPlans[1]/Reviews/CPPreviewDate[2]", f.field());
            fails("8841", "CP004", reviewed(d("2025-11-20")));
        }

        @Test
        void r4003ReviewWhileACinPlanRuns() {
            CensusChild both = episode(reviewed(d("2026-02-20")), e -> {
                e.plans = List.of(new ProtectionPlan(d("2025-11-24"), d("2026-01-12"), CategoryOfAbuse.NEGLECT,
                        CategoryOfAbuse.NEGLECT, 0, List.of(d("2026-01-12"))));
                e.cinPlans = List.of(new CinPlan(d("2026-01-12"), null));
            });
            passes("4003", both); // the review that ended the plan stepped the child down to a CIN plan that day
            fails("4003", "CP004", episode(both, e -> e.cinPlans = List.of(new CinPlan(d("2026-01-05"), null))));
        }
    }

    @Nested
    class CinPlans {

        private CensusChild withCinPlans(CinPlan... plans) {
            return episode(CensusFixtures.childInNeed(), e -> e.cinPlans = List.of(plans));
        }

        @Test
        void aPlanEndedAndAnotherStartedTheSameDayPass() {
            assertEquals(List.of(), validator.validate(HEADER, List.of(withCinPlans(
                    new CinPlan(d("2025-10-21"), d("2026-01-05")), new CinPlan(d("2026-01-05"), null)))));
        }

        @Test
        void r4010StartMissingOrAfterTheYear() {
            CensusRuleFailure f = fails("4010", "S17003", withCinPlans(new CinPlan(null, null)));
            assertEquals("CINdetails[1]/CINPlanDates[1]/CINPlanStartDate", f.field());
            fails("4010", "S17003", withCinPlans(new CinPlan(d("2026-04-01"), null)));
        }

        @Test
        void r4011EndBeforeStart() {
            CensusRuleFailure f = fails("4011", "S17003", withCinPlans(new CinPlan(d("2025-10-21"), d("2025-10-20"))));
            assertEquals("CINdetails[1]/CINPlanDates[1]/CINPlanEndDate", f.field());
        }

        @Test
        void r4012qStartAndEndTheSameDay() {
            fails("4012Q", "S17003", withCinPlans(new CinPlan(d("2025-10-21"), d("2025-10-21"))));
        }

        @Test
        void r4013EndOutsideTheYear() {
            fails("4013", "S17003", withCinPlans(new CinPlan(d("2025-10-21"), d("2026-04-02"))));
        }

        @Test
        void r4004TwoOpenPlans() {
            fails("4004", "S17003", withCinPlans(new CinPlan(d("2025-10-21"), null),
                    new CinPlan(d("2026-01-05"), null)));
        }

        @Test
        void r4014OverlappingPlans() {
            CensusRuleFailure f = fails("4014", "S17003", withCinPlans(new CinPlan(d("2025-10-21"), d("2026-01-10")),
                    new CinPlan(d("2026-01-05"), null)));
            assertTrue(f.field().startsWith("CINdetails[1]/CINPlanDates["), f.field());
            passes("4004", withCinPlans(new CinPlan(d("2025-10-21"), d("2026-01-10")), new CinPlan(d("2026-01-05"),
                    null)));
        }

        @Test
        void r4001AlongsideAChildProtectionPlan() {
            fails("4001", "CP004", episode(CensusFixtures.childProtection(),
                    e -> e.cinPlans = List.of(new CinPlan(d("2025-12-01"), d("2026-01-31")))));
            passes("4001", episode(CensusFixtures.childProtection(), e -> {
                e.plans = List.of(new ProtectionPlan(d("2025-11-24"), d("2026-01-12"), CategoryOfAbuse.NEGLECT,
                        CategoryOfAbuse.NEGLECT, 0, List.of()));
                e.cinPlans = List.of(new CinPlan(d("2026-01-12"), null));
            }));
        }

        @Test
        void r4008And4009qAfterTheChildsDeath() {
            CensusChild died = child(withCinPlans(new CinPlan(d("2025-10-21"), d("2026-02-01"))),
                    c -> c.death = d("2025-12-01"));
            fails("4009Q", "S17003", died);
            passes("4008", died);
            fails("4008", "S17003", child(died, c -> c.death = d("2025-10-01")));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Asserts the rule fails for the child, with the query flag its code calls for, and returns it. */
    private CensusRuleFailure fails(String rule, String laChildId, CensusChild child) {
        List<CensusRuleFailure> failures = validator.validate(HEADER, List.of(child));
        CensusRuleFailure failure = failures.stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not raised; got " + failures));
        assertEquals(laChildId, failure.laChildId());
        assertEquals(rule.endsWith("Q"), failure.query());
        assertNotNull(failure.message());
        assertFalse(failure.message().isBlank());
        return failure;
    }

    private void passes(String rule, CensusChild child) {
        List<CensusRuleFailure> failures = validator.validate(HEADER, List.of(child));
        assertTrue(failures.stream().noneMatch(f -> f.rule().equals(rule)), () -> rule + " raised: " + failures);
    }
}
