package org.frontdoor.events.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The census code lists against the enumerations of the 2025-26 CIN census schema
 * (CIN_schema_2026.xsd, copied to statutory-returns' resources; this module cannot see it, so the lists
 * are copied here literally, in the schema's order).
 */
class CensusCodesTest {

    @Test
    void ethnicityIsTheSchemasTwentyCodesInCensusOrder() {
        assertCodes(List.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"), Ethnicity.values(),
                Ethnicity::code);
        assertEquals(Optional.of(Ethnicity.WHITE_BRITISH), Ethnicity.fromCode("WBRI"));
        assertEquals("Information not yet obtained", Ethnicity.NOT_YET_OBTAINED.label());
    }

    @Test
    void sexIsMFU() {
        assertCodes(List.of("M", "F", "U"), CensusSex.values(), CensusSex::code);
        assertEquals(Optional.of(CensusSex.UNKNOWN), CensusSex.fromCode("U"));
        // the old GenderCurrent codes are gone
        assertEquals(Optional.empty(), CensusSex.fromCode("1"));
    }

    @Test
    void disabilityIsNoneThenTheTwelveKinds() {
        assertCodes(List.of("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT",
                "DDA"), Disability.values(), Disability::code);
    }

    @Test
    void assessmentFactorsFollowTheSchemaIncludingTheRetiredOnes() {
        assertCodes(List.of("1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
                "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A",
                "16A", "17A", "18A", "18B", "18C", "19A", "19B", "19C", "20", "21", "22A", "23A", "24A"),
                AssessmentFactor.values(), AssessmentFactor::code);
        assertEquals(Optional.of(AssessmentFactor.NONE), AssessmentFactor.fromCode("21"));
        assertEquals(Optional.of(AssessmentFactor.OTHER), AssessmentFactor.fromCode("20"));
        assertEquals(Optional.empty(), AssessmentFactor.fromCode("8A"));
        List<AssessmentFactor> retired = Arrays.stream(AssessmentFactor.values()).filter(AssessmentFactor::retired)
                .toList();
        assertEquals(List.of(AssessmentFactor.PHYSICAL_ABUSE, AssessmentFactor.SEXUAL_ABUSE), retired);
        assertEquals("18A", retired.get(0).code());
        assertEquals("19A", retired.get(1).code());
    }

    @Test
    void primaryNeedIsN1ToN9ThenN0() {
        assertCodes(List.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N0"), PrimaryNeed.values(),
                PrimaryNeed::code);
        assertEquals("Not stated", PrimaryNeed.fromCode("N0").orElseThrow().label());
    }

    @Test
    void closureReasonsAreRc1ToRc9() {
        assertCodes(List.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"), ClosureReason.values(),
                ClosureReason::code);
        assertEquals("Case closed after assessment, referred to early help",
                ClosureReason.fromCode("RC9").orElseThrow().label());
        assertEquals("Services ceased for any other reason, including child no longer in need",
                ClosureReason.SERVICES_CEASED.label());
        assertTrue(ClosureReason.NFA_AFTER_ASSESSMENT.closedAfterAssessment());
        assertTrue(ClosureReason.EARLY_HELP_AFTER_ASSESSMENT.closedAfterAssessment());
        assertFalse(ClosureReason.SERVICES_CEASED.closedAfterAssessment());
    }

    @Test
    void categoriesOfAbuse() {
        assertCodes(List.of("NEG", "PHY", "SAB", "EMO", "MUL"), CategoryOfAbuse.values(), CategoryOfAbuse::code);
    }

    @Test
    void upnUnknownReasonsAreUn1ToUn7() {
        assertCodes(List.of("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"), UpnUnknownReason.values(),
                UpnUnknownReason::code);
        assertEquals(Optional.of(UpnUnknownReason.REFERRAL_NFA), UpnUnknownReason.fromCode("UN7"));
    }

    @Test
    void referralSourceStillMatchesTheSchema() {
        assertCodes(List.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B",
                "5C", "5D", "6", "7", "8", "9", "10"), ReferralSource.values(), ReferralSource::code);
    }

    private static <E extends Enum<E>> void assertCodes(List<String> expected, E[] values, Function<E, String> code) {
        List<String> actual = Arrays.stream(values).map(code).toList();
        assertEquals(expected, actual);
        assertEquals(actual.size(), new HashSet<>(actual).size(), "codes are unique");
        for (E value : values) {
            assertFalse(value.toString().isBlank());
        }
    }
}
