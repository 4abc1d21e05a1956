package org.frontdoor.returns;

import java.time.LocalDate;
import org.frontdoor.events.codes.Ethnicity;

/**
 * The child columns every Annex A list starts with.
 *
 * @param childId the local authority's person id (Child Unique ID)
 * @param gender gender (sex from 2026)
 * @param ethnicity ethnicity
 * @param birthDate date of birth; null when unborn (the list then leaves date of birth and age blank)
 * @param disabled has a disability (lists 4 and 5); null when not known
 */
public record AnnexAChild(String childId, AnnexAGender gender, Ethnicity ethnicity, LocalDate birthDate,
        Boolean disabled) {
}
