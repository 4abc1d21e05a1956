package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.frontdoor.support.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/**
 * The statutory pages' words, without a container: a service's refusal named as the page names the field, in a
 * sentence; an alert's message without the ids and codes the API's message carries.
 */
class StatutoryWordsTest {

    @Test
    void aRefusalIsASentenceBesideItsField() {
        assertEquals(List.of(
                new FieldError("upn", "The unique pupil number (UPN) is not a valid UPN (DfE rule 1510)"),
                new FieldError("factors", "21 (no factors identified) stands alone (DfE rule 8898)"),
                new FieldError("start.startedOn", "Enter the date the assessment started"),
                new FieldError("start.icpcOn", "Enter the date of the conference, for example 27 3 2026")),
                concat(StatutoryForms.worded("", List.of(
                        new FieldError("upn", "is not a valid UPN (DfE rule 1510)"),
                        new FieldError("factors[1]", "21 (no factors identified) stands alone (DfE rule 8898)"))),
                        StatutoryForms.worded("start.", List.of(
                                new FieldError("start.startedOn", "must not be null"),
                                new FieldError("start.icpcOn", "Enter the date of the conference, for example 27 3"
                                        + " 2026")))));
    }

    @Test
    void anAlertReadsWithoutIdsOrCodes() {
        assertEquals("Your decision on the contact was sent back by tm-owen-hart: decide again",
                MyWorkViews.words("Your decision on triage item 0b7e43a6-4d5e-4c33-9a39-1c2d3e4f5a6b was sent back"
                        + " by tm-owen-hart: decide again"));
        assertEquals("The MASH passed you a screened contact about a child of the case",
                MyWorkViews.words("The MASH passed you a screened contact about a child of case"
                        + " 0b7e43a6-4d5e-4c33-9a39-1c2d3e4f5a6b (triage item 1b7e43a6-4d5e-4c33-9a39-1c2d3e4f5a6b)"));
        assertEquals("The case was allocated to you", MyWorkViews.words("SOCIAL_CARE case"
                + " 0b7e43a6-4d5e-4c33-9a39-1c2d3e4f5a6b was allocated to you"));
        assertEquals("The case was stepped down to early help; it has a new lead worker", MyWorkViews.words("Case"
                + " 0b7e43a6-4d5e-4c33-9a39-1c2d3e4f5a6b was stepped down to EARLY_HELP; it has a new lead worker"));
    }

    private static List<FieldError> concat(List<FieldError> a, List<FieldError> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
