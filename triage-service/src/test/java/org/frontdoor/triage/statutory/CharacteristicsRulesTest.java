package org.frontdoor.triage.statutory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.frontdoor.support.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** The census's rules on a child's characteristics, checked on the record at input: no database. */
class CharacteristicsRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static List<String> fields(CharacteristicsCommand command) {
        return ChildCharacteristics.check(command, TODAY).stream().map(FieldError::field).toList();
    }

    @Test
    void aSchoolAgeChildWithAValidUpnKeepsEveryRule() {
        assertTrue(fields(new CharacteristicsCommand(CensusSex.FEMALE, Ethnicity.WHITE_BRITISH,
                List.of(Disability.NONE), "W371000000017", null, null, LocalDate.parse("2016-04-02"), null, null))
                .isEmpty());
    }

    @Test
    void aKnownUpnIsValidAndLeavesNoReasonForItsAbsence() {
        assertEquals(List.of("upn", "formerUpn", "upnUnknown"), fields(new CharacteristicsCommand(null, null, null,
                "A371000000018", "B1", UpnUnknownReason.UNDER_SIX_NO_UPN, null, null, null)));
    }

    @Test
    void anUnbornChildHasNoDateOfBirthYetAndSexU() {
        assertEquals(List.of("sex"), fields(new CharacteristicsCommand(CensusSex.MALE, null, null, null, null, null,
                null, TODAY.plusMonths(2), null)));
        assertEquals(List.of("expectedBirthDate", "birthDate"), fields(new CharacteristicsCommand(null, null, null,
                null, null, null, TODAY.plusDays(1), TODAY.plusMonths(2), null)));
        assertEquals(List.of("deathDate"), fields(new CharacteristicsCommand(null, null, null, null, null, null,
                TODAY.minusYears(1), null, TODAY.minusYears(2))));
    }

    @Test
    void noDisabilityIsGivenTwiceAndNoneStandsAlone() {
        List<FieldError> errors = ChildCharacteristics.check(new CharacteristicsCommand(null, null,
                List.of(Disability.NONE, Disability.MOBILITY, Disability.MOBILITY), null, null, null, null, null, null),
                TODAY);
        assertEquals(List.of(new FieldError("disabilities[0]", "NONE stands alone (DfE rule 8790)"),
                new FieldError("disabilities[2]", "is given twice (DfE rule 8794)")), errors);
    }
}
