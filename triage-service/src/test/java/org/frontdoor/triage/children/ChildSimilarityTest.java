package org.frontdoor.triage.children;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The score and reasons of each tolerance, with the phonetic keys PostgreSQL's fuzzystrmatch gives these names. */
class ChildSimilarityTest {

    /** First name: the name it stands for, its double metaphone code, that name's code (as child_record holds them). */
    private static final Map<String, List<String>> FIRST = Map.of(
            "Kayden", List.of("kayden", "KTN", "KTN"), "Kaden", List.of("kaden", "KTN", "KTN"),
            "Bill", List.of("william", "PL", "ALM"), "William", List.of("william", "ALM", "ALM"),
            "Kate", List.of("katherine", "KT", "K0RN"), "Catherine", List.of("katherine", "K0RN", "K0RN"),
            "Amy", List.of("amy", "AM", "AM"), "Ann", List.of("ann", "AN", "AN"),
            "Olivia", List.of("olivia", "ALF", "ALF"), "Oliver", List.of("oliver", "ALFR", "ALFR"));

    /** Surname: its code, its soundex, and the parts of a hyphenated one with their codes. */
    private static final Map<String, List<String>> LAST = Map.of(
            "Kettleborough", List.of("KTLP", "K341"), "Kettlebrough", List.of("KTLP", "K341"),
            "Smith", List.of("SM0", "S530"), "Jones", List.of("JNS", "J520"),
            "Smith-Jones", List.of("SM0J", "S532", "smith", "jones", "SM0", "JNS"),
            "Harrison", List.of("HRSN", "H625"), "Harris", List.of("HRS", "H620"));

    static ChildFacts child(String first, String last, String born, String postcode) {
        return child(first, last, born, postcode, null);
    }

    static ChildFacts child(String first, String last, String born, String postcode, String nhs) {
        List<String> f = FIRST.get(first);
        List<String> l = LAST.get(last);
        List<String> parts = l.size() > 2 ? List.of(l.get(2), l.get(3)) : List.of();
        List<String> partCodes = l.size() > 2 ? List.of(l.get(4), l.get(5)) : List.of();
        return new ChildFacts(first, last, born == null ? null : LocalDate.parse(born), postcode, nhs, null,
                new ChildFacts.Keys(f.get(0), f.get(1), f.get(2), l.get(0), l.get(1), parts, partCodes));
    }

    static ChildSimilarity.Similarity score(ChildFacts probe, ChildFacts candidate) {
        return ChildSimilarity.score(probe, candidate);
    }

    @Nested
    class TheIssuesExample {
        @Test
        void policeSpellingWithoutAnAddressIsAlikeEnoughToOffer() {
            var s = score(child("Kaden", "Kettlebrough", "2015-05-04", null),
                    child("Kayden", "Kettleborough", "2015-05-04", "DN6 6FF"));
            assertEquals(List.of("surname sounds alike", "first name sounds alike", "same date of birth",
                    "postcode missing"), s.reasons());
            assertEquals(60, s.score());
            assertFalse(s.mayBeTwin());
        }
    }

    @Nested
    class Surnames {
        @Test
        void theSameSurnameScoresMost() {
            var s = score(child("Amy", "Smith", "2016-04-02", "DN1 1AA"), child("Amy", "Smith", "2016-04-02", "DN1 1AA"));
            assertEquals(List.of("same surname", "same first name", "same date of birth", "same postcode"), s.reasons());
            assertEquals(80, s.score());
        }

        @Test
        void aPartOfAHyphenatedSurnameIsShared() {
            var s = score(child("Amy", "Smith-Jones", "2016-04-02", null), child("Amy", "Jones", "2016-04-02", null));
            assertEquals("shares part of a hyphenated surname", s.reasons().get(0));
            assertEquals(ChildSimilarity.SURNAME_PART + ChildSimilarity.SAME_FIRST_NAME
                    + ChildSimilarity.SAME_BIRTH_DATE, s.score());
        }

        @Test
        void aSurnameAFewLettersApartIsSpeltDifferently() {
            var s = score(child("Amy", "Harrison", "2016-04-02", null), child("Amy", "Harris", "2016-04-02", null));
            assertEquals("surname spelt differently", s.reasons().get(0));
        }

        @Test
        void anotherSurnameDiffers() {
            var s = score(child("Amy", "Smith", "2016-04-02", null), child("Amy", "Harris", "2016-04-02", null));
            assertEquals("surname differs", s.reasons().get(0));
        }
    }

    @Nested
    class FirstNames {
        @Test
        void aNicknameNamesTheFullName() {
            var s = score(child("Bill", "Smith", "2016-04-02", null), child("William", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("nickname of William"), s.reasons().toString());
            assertEquals(ChildSimilarity.SAME_SURNAME + ChildSimilarity.NICKNAME + ChildSimilarity.SAME_BIRTH_DATE,
                    s.score());
        }

        @Test
        void twoFormsOfOneNameAreNicknamesToo() {
            var s = score(child("Kate", "Smith", "2016-04-02", null), child("Catherine", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("nickname of Catherine"), s.reasons().toString());
        }

        @Test
        void aMisspeltFirstNameSoundsAlike() {
            var s = score(child("Kaden", "Smith", "2016-04-02", null), child("Kayden", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("first name sounds alike"), s.reasons().toString());
        }
    }

    @Nested
    class DatesOfBirth {
        @Test
        void dayAndMonthSwapped() {
            var s = score(child("Amy", "Smith", "2016-02-04", null), child("Amy", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("day and month swapped"), s.reasons().toString());
            assertEquals(ChildSimilarity.SAME_SURNAME + ChildSimilarity.SAME_FIRST_NAME
                    + ChildSimilarity.BIRTH_DATE_SWAPPED, s.score());
        }

        @Test
        void oneDigitWrong() {
            var s = score(child("Amy", "Smith", "2016-04-12", null), child("Amy", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("date of birth differs by one digit"), s.reasons().toString());
        }

        @Test
        void anotherDateCountsAgainst() {
            var s = score(child("Amy", "Smith", "2012-09-30", null), child("Amy", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("date of birth differs"), s.reasons().toString());
            assertEquals(ChildSimilarity.SAME_SURNAME + ChildSimilarity.SAME_FIRST_NAME
                    + ChildSimilarity.BIRTH_DATE_DIFFERS, s.score());
        }

        @Test
        void theDatesLookedUpIncludeTheSwappedAndEachOneDigitAway() {
            List<LocalDate> near = ChildSimilarity.datesNear(LocalDate.parse("2015-05-04"));
            assertEquals(LocalDate.parse("2015-05-04"), near.get(0));
            assertTrue(near.contains(LocalDate.parse("2015-04-05")));
            assertTrue(near.contains(LocalDate.parse("2016-05-04")));
            assertTrue(near.contains(LocalDate.parse("2015-05-14")));
            // not two digits away; no invalid date (2015-05-44) and no year before 1900 (0015) among them
            assertFalse(near.contains(LocalDate.parse("2016-04-05")));
            assertTrue(near.stream().allMatch(d -> d.getYear() >= 1900), near.toString());
        }
    }

    @Nested
    class Postcodes {
        @Test
        void missingOnEitherSide() {
            var s = score(child("Amy", "Smith", "2016-04-02", "DN1 1AA"), child("Amy", "Smith", "2016-04-02", null));
            assertTrue(s.reasons().contains("postcode missing"), s.reasons().toString());
            assertEquals(70, s.score());
        }

        @Test
        void changedAfterAMove() {
            var s = score(child("Amy", "Smith", "2016-04-02", "DN9 3AB"), child("Amy", "Smith", "2016-04-02", "DN1 1AA"));
            assertTrue(s.reasons().contains("postcode differs"), s.reasons().toString());
            assertEquals(70, s.score());
        }

        @Test
        void spacingAndCaseDoNotMatter() {
            var s = score(child("Amy", "Smith", "2016-04-02", "dn11aa"), child("Amy", "Smith", "2016-04-02", "DN1 1AA"));
            assertTrue(s.reasons().contains("same postcode"), s.reasons().toString());
        }
    }

    @Nested
    class Identifiers {
        @Test
        void theSameNhsNumberAloneIsEnough() {
            var s = score(child("Olivia", "Harris", "2014-01-01", null, "485 777 3456"),
                    child("Amy", "Jones", "2016-07-09", null, "4857773456"));
            assertEquals("same NHS number", s.reasons().get(0));
            assertTrue(s.score() >= 55, "scored " + s.score());
        }

        @Test
        void differentNhsNumbersCountStronglyAgainst() {
            var s = score(child("Amy", "Smith", "2016-04-02", "DN1 1AA", "4857773456"),
                    child("Amy", "Smith", "2016-04-02", "DN1 1AA", "9434765919"));
            assertTrue(s.reasons().contains("different NHS numbers"), s.reasons().toString());
            assertEquals(30, s.score());
        }

        @Test
        void theSameUpn() {
            ChildFacts a = child("Amy", "Smith", null, null);
            ChildFacts b = child("Ann", "Jones", null, null);
            var s = score(new ChildFacts(a.firstName(), a.lastName(), null, null, null, "A371000000017", a.keys()),
                    new ChildFacts(b.firstName(), b.lastName(), null, null, null, "a371000000017", b.keys()));
            assertEquals("same UPN", s.reasons().get(0));
        }
    }

    @Nested
    class Twins {
        @Test
        void sameSurnameBirthAndAddressWithOtherFirstNamesMayBeTwins() {
            var s = score(child("Olivia", "Smith", "2016-04-02", "DN1 1AA"), child("Amy", "Smith", "2016-04-02", "DN1 1AA"));
            assertTrue(s.mayBeTwin());
            assertEquals(ChildSimilarity.TWIN, s.reasons().get(s.reasons().size() - 1));
        }

        @Test
        void notWhenTheFirstNamesAreAlike() {
            var s = score(child("Kaden", "Smith", "2016-04-02", "DN1 1AA"), child("Kayden", "Smith", "2016-04-02", "DN1 1AA"));
            assertFalse(s.mayBeTwin());
        }

        @Test
        void notWithoutTheSameAddress() {
            var s = score(child("Olivia", "Smith", "2016-04-02", null), child("Amy", "Smith", "2016-04-02", "DN1 1AA"));
            assertFalse(s.mayBeTwin());
        }
    }

    @Nested
    class EditDistance {
        @Test
        void countsInsertionsDeletionsAndSubstitutions() {
            assertEquals(1, ChildSimilarity.editDistance("kettlebrough", "kettleborough"));
            assertEquals(2, ChildSimilarity.editDistance("harris", "harrison"));
            assertEquals(0, ChildSimilarity.editDistance("amy", "amy"));
            assertFalse(ChildSimilarity.speltAlike("amy", "ann"));
        }
    }
}
