package org.frontdoor.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference numbers come from blocks of the year's counter row: never twice, whoever else reserves blocks. */
@QuarkusTest
class ContactNumbersTest {

    @Inject
    ContactNumbers numbers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBlockIsHandedOutInOrderAndTheNextIsReservedPastWhatOthersTook() throws Exception {
        int year = 2091; // a year no other test's contacts fall in
        List<Integer> given = new ArrayList<>();
        given.add(numbers.next(year));
        assertEquals(1, given.get(0), "the year's first block starts at 1");

        // another instance reserves a block of its own meanwhile: the row moves on, this instance's block stays its
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update contact_reference_counter set last_number = last_number + 1000 where year = ?")) {
            ps.setInt(1, year);
            assertEquals(1, ps.executeUpdate());
        }
        for (int i = 1; i < ContactNumbers.BLOCK + 2; i++) {
            given.add(numbers.next(year));
        }

        for (int i = 0; i < ContactNumbers.BLOCK; i++) {
            assertEquals(i + 1, given.get(i), "the block in hand, in order: " + given);
        }
        int afterTheOthers = ContactNumbers.BLOCK + 1000;
        assertEquals(List.of(afterTheOthers + 1, afterTheOthers + 2), given.subList(ContactNumbers.BLOCK,
                given.size()), "the next block begins past the other instance's");
        assertEquals(given.size(), new HashSet<>(given).size(), "never a number twice");
        assertTrue(numbers.next(year + 1) == 1, "another year counts from 1");
    }
}
