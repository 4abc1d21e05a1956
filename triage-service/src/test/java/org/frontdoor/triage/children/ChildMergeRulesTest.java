package org.frontdoor.triage.children;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.triage.staff.Actor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A merge's moves, without a database: what a merge needs, what refuses it, and its undoing once. */
class ChildMergeRulesTest {

    static final Actor MAYA = new Actor("tm-maya-reid", "sub-maya", null, true);
    static final Actor TARA = new Actor("tw-tara-jones", "sub-tara", null, false);
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final UUID SURVIVOR = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID DUPLICATE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    /** Two roots, neither with an open case: a merge may go ahead. */
    static ChildMerge.Facts clear() {
        return new ChildMerge.Facts(null, SURVIVOR, false, false);
    }

    static String field(DomainException.Invalid e) {
        return e.errors().get(0).field();
    }

    @Nested
    class WhatAMergeNeeds {

        @Test
        void aReason() {
            for (String reason : new String[] { null, "", "   " }) {
                DomainException.Invalid e = assertThrows(DomainException.Invalid.class,
                        () -> ChildMerge.record(SURVIVOR, DUPLICATE, reason, clear(), MAYA, NOW));
                assertEquals("reason", field(e));
            }
            assertEquals("reason", field(assertThrows(DomainException.Invalid.class,
                    () -> ChildMerge.record(SURVIVOR, DUPLICATE, "x".repeat(2001), clear(), MAYA, NOW))));
        }

        @Test
        void aDuplicateOtherThanTheRecordItself() {
            assertEquals("duplicate", field(assertThrows(DomainException.Invalid.class,
                    () -> ChildMerge.record(SURVIVOR, null, "Same child", clear(), MAYA, NOW))));
            DomainException.Invalid self = assertThrows(DomainException.Invalid.class,
                    () -> ChildMerge.record(SURVIVOR, SURVIVOR, "Same child", clear(), MAYA, NOW));
            assertEquals("duplicate", field(self));
            assertEquals("a record cannot be merged into itself: name another record", self.errors().get(0).message());
        }

        @Test
        void isRecordedWithWhoWhenAndWhyAndActive() {
            ChildMerge m = ChildMerge.record(SURVIVOR, DUPLICATE, "  Same NHS number  ", clear(), TARA, NOW);
            assertEquals(SURVIVOR, m.survivor);
            assertEquals(DUPLICATE, m.duplicate);
            assertEquals("Same NHS number", m.reason);
            assertEquals("tw-tara-jones", m.mergedBy);
            assertEquals(NOW, m.mergedAt);
            assertTrue(m.isActive());
            ChildMerges.MergeRecord r = m.toRecord();
            assertEquals(m.id, r.mergeId());
            assertEquals(SURVIVOR, r.childKey());
            assertNull(r.unmergedAt());
        }
    }

    @Nested
    class WhatRefusesAMerge {

        @Test
        void aDuplicateMergedAlreadySaysIntoWhich() {
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class, () -> ChildMerge.record(SURVIVOR,
                    DUPLICATE, "Same child", new ChildMerge.Facts(OTHER, SURVIVOR, false, false), MAYA, NOW));
            assertEquals("Record " + DUPLICATE + " is already merged into record " + OTHER
                    + ": merge into that record, or undo that merge first", e.getMessage());
        }

        @Test
        void aSurvivorMergedIntoAnotherSaysToMergeIntoThatOne() {
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class, () -> ChildMerge.record(SURVIVOR,
                    DUPLICATE, "Same child", new ChildMerge.Facts(null, OTHER, false, false), MAYA, NOW));
            assertEquals("Record " + SURVIVOR + " is merged into record " + OTHER + ": merge into record " + OTHER
                    + ", which it counts under now", e.getMessage());
        }

        @Test
        void aSurvivorAmongTheDuplicatesOwnRecords() {
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class, () -> ChildMerge.record(SURVIVOR,
                    DUPLICATE, "Same child", new ChildMerge.Facts(null, DUPLICATE, true, false), MAYA, NOW));
            assertTrue(e.getMessage().contains("cannot be merged into its own merged records"), e.getMessage());
        }

        @Test
        void twoOpenCasesSayToCloseOrTransferOne() {
            DomainException.Conflict e = assertThrows(DomainException.Conflict.class, () -> ChildMerge.record(SURVIVOR,
                    DUPLICATE, "Same child", new ChildMerge.Facts(null, SURVIVOR, false, true), MAYA, NOW));
            assertTrue(e.getMessage().contains("close or transfer one of the cases first"), e.getMessage());
        }
    }

    @Nested
    class Undoing {

        @Test
        void recordsWhoWhenAndWhyOnce() {
            ChildMerge m = ChildMerge.record(SURVIVOR, DUPLICATE, "Same child", clear(), TARA, NOW);
            m.undo(" Twins after all ", MAYA, NOW.plusSeconds(60));
            assertFalse(m.isActive());
            assertEquals("tm-maya-reid", m.unmergedBy);
            assertEquals(NOW.plusSeconds(60), m.unmergedAt);
            assertEquals("Twins after all", m.unmergeReason);
            assertEquals("Twins after all", m.toRecord().unmergeReason());
            DomainException.Conflict again = assertThrows(DomainException.Conflict.class,
                    () -> m.undo("again", MAYA, NOW.plusSeconds(120)));
            assertTrue(again.getMessage().contains("was already undone by tm-maya-reid"), again.getMessage());
        }

        @Test
        void needsAReason() {
            ChildMerge m = ChildMerge.record(SURVIVOR, DUPLICATE, "Same child", clear(), TARA, NOW);
            assertEquals("reason", field(assertThrows(DomainException.Invalid.class, () -> m.undo(" ", MAYA, NOW))));
            assertTrue(m.isActive(), "a refused undo changes nothing");
        }
    }
}
