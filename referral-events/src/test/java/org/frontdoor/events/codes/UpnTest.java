package org.frontdoor.events.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UpnTest {

    @Test
    void aPermanentUpnWithTheRightCheckLetterIsValid() {
        // 8*2 + 2*3 + 0*4 + 1*5 + 2*6 + 3*7 + 4*8 + 5*9 + 6*10 + 7*11 + 8*12 + 0*13 = 370; 370 mod 23 = 2 -> C
        assertEquals(Optional.of('C'), Upn.checkLetter("?820123456780"));
        assertTrue(Upn.isValid("C820123456780"));
        // two more worked by hand: remainders 0 (A) and 7 (H)
        assertTrue(Upn.isValid("A950000178301"));
        assertTrue(Upn.isValid("H243278544154"));
    }

    @Test
    void aTemporaryUpnCountsItsLastLetterByItsPlaceInTheCheckAlphabet() {
        // K is 9th from 0 in A-Z without I, O, S: 370 - 0*13 + 9*13 = 487; 487 mod 23 = 4 -> E
        assertTrue(Upn.isValid("E82012345678K"));
        assertTrue(Upn.isTemporary("E82012345678K"));
        assertFalse(Upn.isTemporary("C820123456780"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"D820123456780", // wrong check letter
            "c820123456780", // check letters are capitals
            "E82012345678I", // I, O and S are never used
            "C82012345678", // 12 characters
            "C8201234567800", // 14 characters
            "C8201234X6780", // a letter among the digits
            "I820123456780", " C82012345678"})
    void otherwiseItIsNot(String upn) {
        assertFalse(Upn.isValid(upn));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotAUpn(String upn) {
        assertFalse(Upn.isValid(upn));
        assertEquals(Optional.empty(), Upn.checkLetter(upn));
        assertFalse(Upn.hasRecognisedLaCode(upn));
    }

    @Test
    void partsCheckedOneByOneAsTheCensusRulesDo() {
        assertTrue(Upn.hasRecognisedLaCode("C820123456780"));
        assertTrue(Upn.hasRecognisedLaCode("X001000000000"));
        assertTrue(Upn.hasRecognisedLaCode("X941000000000"));
        assertFalse(Upn.hasRecognisedLaCode("X999123456780"));
        assertFalse(Upn.hasRecognisedLaCode("X421123456780"));
        assertFalse(Upn.hasRecognisedLaCode("XA21123456780"));
        assertTrue(Upn.middleIsNumeric("C820123456780"));
        assertFalse(Upn.middleIsNumeric("C8201234X6780"));
        assertTrue(Upn.lastCharacterIsValid("E82012345678K"));
        assertFalse(Upn.lastCharacterIsValid("E82012345678O"));
    }
}
