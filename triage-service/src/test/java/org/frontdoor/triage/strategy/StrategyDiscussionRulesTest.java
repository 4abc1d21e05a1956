package org.frontdoor.triage.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.support.directory.PartnerDirectoryCopy.Partner;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.triage.strategy.StrategyDiscussionCommand.Agency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules on a strategy discussion as recorded, on the entity itself: no database, no directory but a map. */
class StrategyDiscussionRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-12-06T23:30:00Z");
    private static final StrategyDiscussion.About ABOUT = new StrategyDiscussion.About(UUID.randomUUID(),
            UUID.randomUUID(), RECEIVED);
    private static final Map<String, Partner> PARTNERS = Map.of(
            "south-yorks-police", new Partner("south-yorks-police", "South Yorkshire Police", AgencyType.POLICE, "6",
                    true),
            "doncaster-health", new Partner("doncaster-health", "Doncaster Health Visiting", AgencyType.HEALTH, "3B",
                    true),
            "hillside-primary", new Partner("hillside-primary", "Hillside Primary", AgencyType.EDUCATION, "2A", true),
            "old-police-desk", new Partner("old-police-desk", "Old Police Desk", AgencyType.POLICE, "6", false));
    private static final List<String> STAFF = List.of("tw-tara-jones", "tm-maya-reid");

    private static final StrategyDiscussion.Directories DIRECTORIES = new StrategyDiscussion.Directories() {
        @Override
        public Optional<Partner> organisation(String id) {
            return Optional.ofNullable(PARTNERS.get(id));
        }

        @Override
        public boolean staffMember(String id) {
            return STAFF.contains(id);
        }
    };

    private static final Agency POLICE = new Agency("south-yorks-police", true, "Two incidents at the address");
    private static final Agency HEALTH = new Agency("doncaster-health", true, null);

    private static StrategyDiscussionCommand command(Instant heldAt, List<String> staff, List<Agency> agencies,
            String minutes) {
        return new StrategyDiscussionCommand(heldAt, staff, agencies, true, "Children stay with grandmother",
                minutes);
    }

    private static StrategyDiscussion hold(StrategyDiscussionCommand command) {
        return StrategyDiscussion.hold(ABOUT, command, DIRECTORIES, "tw-tara-jones", NOW);
    }

    /** The errors of a refused discussion. */
    private static List<FieldError> refused(StrategyDiscussionCommand command) {
        return assertThrows(DomainException.Invalid.class, () -> hold(command)).errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Nested
    class AHeldDiscussion {

        @Test
        void keepsWhoWasInvitedWhoAttendedAndTheDecision() {
            StrategyDiscussion d = hold(command(NOW.minusSeconds(3600), List.of("tw-tara-jones", "tm-maya-reid"),
                    List.of(POLICE, HEALTH, new Agency("hillside-primary", false, " ")), "  Minutes.  "));
            assertEquals(ABOUT.triageItemId(), d.triageItemId);
            assertEquals(ABOUT.referralId(), d.referralId);
            assertEquals(List.of("tw-tara-jones", "tm-maya-reid"), d.staff);
            assertEquals(List.of(AgencyType.POLICE, AgencyType.HEALTH, AgencyType.EDUCATION),
                    d.agencies.stream().map(a -> a.agencyType).toList());
            assertNull(d.agencies.get(2).shared, "blank is nothing shared");
            assertEquals(List.of("south-yorks-police", "doncaster-health"), d.attendingOrganisations());
            assertTrue(d.section47Enquiry);
            assertEquals("Minutes.", d.minutes);
            assertEquals("tw-tara-jones", d.recordedBy);
            assertEquals(NOW, d.recordedAt);
        }

        @Test
        void isDatedByTheDayInEnglandAndTellsTheAttendingAgenciesTheOutcomeWithoutTheMinutes() {
            StrategyDiscussion.About summer = new StrategyDiscussion.About(UUID.randomUUID(), UUID.randomUUID(),
                    Instant.parse("2026-06-30T09:00:00Z"));
            StrategyDiscussion d = StrategyDiscussion.hold(summer, command(Instant.parse("2026-06-30T23:30:00Z"),
                    List.of("tw-tara-jones"), List.of(POLICE, new Agency("doncaster-health", false, "Bruise seen")),
                    "Secret minutes"), DIRECTORIES, "tw-tara-jones", NOW);
            assertEquals(LocalDate.parse("2026-07-01"), d.heldOn(), "23:30 UTC in summer is the next day in England");
            StrategyDiscussionHeld held = d.held(NOW);
            assertEquals(List.of("south-yorks-police"), held.attendingOrganisations());
            assertEquals(d.id, held.discussionId());
            assertTrue(held.section47Enquiry());
            assertEquals("Children stay with grandmother", held.immediateProtectiveAction());
            assertTrue(!d.note().contains("Secret") && !d.note().contains("grandmother"), d.note());
        }
    }

    @Nested
    class PoliceAndHealth {

        @Test
        void mustBothBeInvited() {
            List<FieldError> noHealth = refused(command(NOW, STAFF, List.of(POLICE), "Minutes."));
            assertEquals(List.of("agencies"), fields(noHealth));
            assertTrue(noHealth.get(0).message().contains("HEALTH"), noHealth.toString());
            List<FieldError> neither = refused(command(NOW, STAFF, List.of(new Agency("hillside-primary", true,
                    null)), "Minutes."));
            assertEquals(List.of("agencies", "agencies"), fields(neither));
            assertEquals(List.of("agencies", "agencies"), fields(refused(command(NOW, STAFF, null, "Minutes."))));
        }

        @Test
        void needBeInvitedOnlyNotPresent() {
            StrategyDiscussion d = hold(command(NOW, STAFF, List.of(new Agency("south-yorks-police", false, null),
                    HEALTH), "Minutes."));
            assertEquals(List.of("doncaster-health"), d.attendingOrganisations());
        }
    }

    @Nested
    class WhenItWasHeld {

        @Test
        void notInTheFuture() {
            assertEquals(List.of(new FieldError("heldAt", "must not be in the future: record a discussion once"
                    + " held")), refused(command(NOW.plusSeconds(3600), STAFF, List.of(POLICE, HEALTH), "M.")));
            hold(command(NOW.plusSeconds(60), STAFF, List.of(POLICE, HEALTH), "M.")); // the caller's clock a minute on
        }

        @Test
        void notBeforeTheContactWasReceived() {
            assertEquals(List.of(new FieldError("heldAt", "must not be before the contact was received, " + RECEIVED)),
                    refused(command(RECEIVED.minusSeconds(1), STAFF, List.of(POLICE, HEALTH), "M.")));
            hold(command(RECEIVED, STAFF, List.of(POLICE, HEALTH), "M."));
        }

        @Test
        void isRequired() {
            assertEquals(List.of("heldAt"), fields(refused(command(null, STAFF, List.of(POLICE, HEALTH), "M."))));
        }
    }

    @Nested
    class Organisations {

        @Test
        void unknownOrInactiveAreNamedByPosition() {
            List<FieldError> errors = refused(command(NOW, STAFF, List.of(POLICE, HEALTH,
                    new Agency("nobody", true, null), new Agency("old-police-desk", true, null)), "M."));
            assertEquals(List.of("agencies[2].organisation", "agencies[3].organisation"), fields(errors));
            assertTrue(errors.get(1).message().contains("Old Police Desk"), errors.toString());
        }

        @Test
        void areInvitedOnceAndNamed() {
            assertEquals(List.of("agencies[2].organisation", "agencies[3].organisation"),
                    fields(refused(command(NOW, STAFF, Arrays.asList(POLICE, HEALTH, POLICE,
                            new Agency(" ", true, null)), "M."))));
        }
    }

    @Nested
    class Staff {

        @Test
        void unknownAreNamedByPosition() {
            assertEquals(List.of(new FieldError("staff[1]", "is not a member of the staff directory")),
                    refused(command(NOW, List.of("tw-tara-jones", "sw-nobody"), List.of(POLICE, HEALTH), "M.")));
        }

        @Test
        void atLeastOneEachOnce() {
            assertEquals(List.of("staff"), fields(refused(command(NOW, List.of(), List.of(POLICE, HEALTH), "M."))));
            assertEquals(List.of("staff[1]"), fields(refused(command(NOW, List.of("tw-tara-jones", "tw-tara-jones"),
                    List.of(POLICE, HEALTH), "M."))));
        }
    }

    @Nested
    class MinutesAndDecision {

        @Test
        void minutesAreRequired() {
            assertEquals(List.of("minutes"), fields(refused(command(NOW, STAFF, List.of(POLICE, HEALTH), "  "))));
            assertEquals(List.of("minutes"), fields(refused(command(NOW, STAFF, List.of(POLICE, HEALTH), null))));
        }

        @Test
        void theDecisionIsRequired() {
            assertEquals(List.of("section47Enquiry"), fields(refused(new StrategyDiscussionCommand(NOW, STAFF,
                    List.of(POLICE, HEALTH), null, null, "M."))));
        }

        @Test
        void everyFieldAtFaultIsNamedAtOnce() {
            List<Agency> agencies = new ArrayList<>(List.of(new Agency("nobody", true, null)));
            assertEquals(List.of("heldAt", "agencies[0].organisation", "agencies", "agencies", "staff[0]",
                    "section47Enquiry", "minutes"), fields(refused(new StrategyDiscussionCommand(null,
                            List.of("sw-nobody"), agencies, null, null, ""))));
        }
    }
}
