package org.frontdoor.triage.children;

import static org.frontdoor.triage.children.ChildContacts.matchOf;
import static org.frontdoor.triage.children.ChildContacts.nhsNumber;
import static org.frontdoor.triage.children.ChildContacts.police;
import static org.frontdoor.triage.children.ChildContacts.possibleMatches;
import static org.frontdoor.triage.children.ChildContacts.reasons;
import static org.frontdoor.triage.children.ChildContacts.school;
import static org.frontdoor.triage.children.ChildContacts.unusualBirthDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.triage.children.ChildContacts.Contact;
import org.frontdoor.triage.children.ChildContacts.Described;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A contact's possible earlier records, one tolerance at a time, as GET /api/v1/triage-items/{id} lists them. */
@QuarkusTest
class PossibleMatchesTest {

    @Inject
    AgroalDataSource dataSource;

    static Described kayden() {
        return new Described("Kayden", "Kettleborough", unusualBirthDate(), "DN6 6FF", null);
    }

    /** The earlier record's match among the later contact's, with the reason asked for. */
    static Map<String, Object> offered(Contact later, Contact earlier, String reason) {
        Map<String, Object> match = matchOf(later, earlier);
        assertNotNull(match, "the earlier record is not offered: " + possibleMatches(later));
        assertTrue(reasons(match).contains(reason), reasons(match).toString());
        return match;
    }

    @Test
    void theIssuesExamplePoliceFindTheSchoolsContact() throws Exception {
        Described school = kayden();
        Contact fromSchool = school(school, 7);
        Contact fromPolice = police(new Described("Kaden", "Kettlebrough", school.born(), null, null), 0);

        Map<String, Object> match = matchOf(fromPolice, fromSchool);
        assertNotNull(match, possibleMatches(fromPolice).toString());
        assertEquals(List.of("surname sounds alike", "first name sounds alike", "same date of birth",
                "postcode missing"), reasons(match));
        assertEquals(60, match.get("score"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> earlier = (List<Map<String, Object>>) match.get("earlierContacts");
        assertEquals(1, earlier.size());
        assertEquals(fromSchool.referralId().toString(), earlier.get(0).get("referralId"));
        assertEquals(fromSchool.itemId(), earlier.get(0).get("triageItemId"));
        // the school's contact came first: the police's is not an earlier record of it
        assertNull(matchOf(fromSchool, fromPolice));
        // a candidate, never joined: each contact keeps its own record
        assertNotEquals(fromSchool.childKey(), fromPolice.childKey());
    }

    @Nested
    class Names {
        @Test
        void aMisspeltFirstName() throws Exception {
            Described child = kayden();
            Contact first = school(child, 5);
            Contact later = police(child.firstName("Kaden"), 0);
            offered(later, first, "first name sounds alike");
        }

        @Test
        void aMisspeltSurname() throws Exception {
            Described child = kayden();
            Contact first = school(child, 5);
            Contact later = police(child.lastName("Kettlebrough"), 0);
            Map<String, Object> match = offered(later, first, "surname sounds alike");
            assertEquals(List.of("surname sounds alike", "same first name", "same date of birth", "same postcode"),
                    reasons(match));
        }

        @Test
        void aNickname() throws Exception {
            Described child = new Described("William", "Ashcroft", unusualBirthDate(), "DN4 7QA", null);
            Contact first = school(child, 5);
            Contact later = police(child.firstName("Bill").postcode(null), 0);
            offered(later, first, "nickname of William");
        }

        @Test
        void aHyphenatedSurname() throws Exception {
            Described child = new Described("Maisie", "Harper-Lowe", unusualBirthDate(), "DN2 5PL", null);
            Contact first = school(child, 5);
            Contact later = police(child.lastName("Lowe"), 0);
            offered(later, first, "shares part of a hyphenated surname");
        }
    }

    @Nested
    class DatesOfBirth {
        @Test
        void dayAndMonthSwapped() throws Exception {
            Described child = kayden();
            Contact first = school(child, 5);
            LocalDate born = child.born();
            Contact later = police(child.born(LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue())), 0);
            offered(later, first, "day and month swapped");
        }

        @Test
        void oneDigitWrong() throws Exception {
            Described child = kayden();
            Contact first = school(child, 5);
            LocalDate born = child.born();
            Contact later = police(child.born(born.withDayOfMonth(born.getDayOfMonth() == 9 ? 8 : born.getDayOfMonth() + 1)), 0);
            offered(later, first, "date of birth differs by one digit");
        }
    }

    @Nested
    class Postcodes {
        @Test
        void missing() throws Exception {
            Described child = kayden();
            Contact first = school(child, 5);
            Contact later = police(child.postcode(null), 0);
            offered(later, first, "postcode missing");
        }

        @Test
        void changedAfterAMove() throws Exception {
            Described child = kayden();
            Contact first = school(child, 5);
            Contact later = school(child.postcode("DN9 1LT"), 0);
            Map<String, Object> match = offered(later, first, "postcode differs");
            assertEquals(List.of("same surname", "same first name", "same date of birth", "postcode differs"),
                    reasons(match));
        }
    }

    @Test
    void theNhsNumberAloneWhateverTheNames() throws Exception {
        String nhs = nhsNumber();
        Contact first = school(new Described("Tyler", "Brennan", unusualBirthDate(), "DN3 2AA", nhs), 5);
        Contact later = police(new Described("Ty", "Okafor", unusualBirthDate(), null, nhs), 0);
        offered(later, first, "same NHS number");
    }

    @Test
    void twinsAreOfferedAsPossibleTwinsNeverJoined() throws Exception {
        Described olivia = new Described("Olivia", "Kettleborough", unusualBirthDate(), "DN6 6FF", null);
        Contact first = school(olivia, 5);
        Contact amelia = school(olivia.firstName("Amelia"), 0);
        Map<String, Object> match = offered(amelia, first, "may be a twin: first names differ");
        assertTrue(reasons(match).contains("first name differs"), reasons(match).toString());
        assertNotEquals(first.childKey(), amelia.childKey());
    }

    @Test
    void aPairRejectedAsNotTheSameChildIsNotOfferedAgain() throws Exception {
        Described child = kayden();
        Contact first = school(child, 5);
        Contact later = police(child.firstName("Kaden"), 0);
        assertNotNull(matchOf(later, first));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into child_not_same (child_key, other_key, reason, recorded_by, recorded_at)
                values (?, ?, 'different mothers', 'tm-maya-reid', now()), (?, ?, 'different mothers', 'tm-maya-reid', now())""")) {
            st.setObject(1, later.childKey());
            st.setObject(2, first.childKey());
            st.setObject(3, first.childKey());
            st.setObject(4, later.childKey());
            st.executeUpdate();
        }
        assertNull(matchOf(later, first));
    }

    @Test
    void aContactAboutAMergedRecordIsKeyedByTheRecordItWasMergedInto() throws Exception {
        Described child = kayden();
        Contact survivor = school(child, 5);
        UUID duplicate = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into child_merge (id, survivor, duplicate, reason, merged_by, merged_at)
                values (?, ?, ?, 'one child', 'tm-maya-reid', now())""")) {
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, survivor.record());
            st.setObject(3, duplicate);
            st.executeUpdate();
        }
        Contact later = ChildContacts.schoolAbout(duplicate, child.firstName("Kaden"), 0);
        assertEquals(survivor.record(), later.childKey());
        // one child: its own earlier record is no possible match of itself
        assertNull(matchOf(later, survivor));
    }
}
