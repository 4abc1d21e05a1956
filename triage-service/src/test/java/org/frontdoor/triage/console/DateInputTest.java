package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.jboss.resteasy.reactive.RestForm;
import org.junit.jupiter.api.Test;

/** Issue 28: the GOV.UK Date input read, each refusal beside its field in the Design System's words. */
class DateInputTest {

    private static final String WHAT = "the panel's date";

    @Test
    void aDateIsReadFromItsThreeParts() {
        assertEquals(LocalDate.of(2026, 3, 27), DateInput.read("panelDate", WHAT, "27", "3", "2026"));
        assertEquals(LocalDate.of(2026, 3, 7), DateInput.read("panelDate", WHAT, " 07 ", "03", "2026"));
        assertEquals(LocalDate.of(2026, 3, 27), DateInput.read("panelDate", WHAT, "27", "Mar", "2026"),
                "a month's name is accepted, as GOV.UK asks");
        assertEquals(LocalDate.of(2026, 9, 1), DateInput.read("panelDate", WHAT, "1", "september", "2026"));
    }

    @Test
    void nothingTypedIsNoDateUnlessOneIsRequired() {
        assertNull(DateInput.read("panelDate", WHAT, "", " ", null));
        assertEquals(new Problem.FieldError("step.panelDate", "Enter the panel's date, for example 27 3 2026"),
                refusal(() -> DateInput.required("step.panelDate", WHAT, "", "", "")));
    }

    @Test
    void aMissingPartIsNamed() {
        assertEquals("The panel's date must include a month",
                refusal(() -> DateInput.read("panelDate", WHAT, "27", "", "2026")).message());
        assertEquals("The panel's date must include a day and a year",
                refusal(() -> DateInput.read("panelDate", WHAT, "", "3", "")).message());
    }

    @Test
    void aDateThatIsNotRealIsRefused() {
        for (String[] typed : List.of(new String[] { "31", "2", "2026" }, new String[] { "29", "2", "2027" },
                new String[] { "0", "3", "2026" }, new String[] { "27", "13", "2026" },
                new String[] { "x", "3", "2026" }, new String[] { "27", "Marc", "2026" })) {
            Problem.FieldError error = refusal(() -> DateInput.read("panelDate", WHAT, typed[0], typed[1], typed[2]));
            assertEquals(new Problem.FieldError("panelDate", "The panel's date must be a real date"), error,
                    String.join(" ", typed));
        }
        assertEquals(LocalDate.of(2028, 2, 29), DateInput.read("panelDate", WHAT, "29", "2", "2028"));
        assertEquals("The year of the panel's date must have 4 numbers, for example 2026",
                refusal(() -> DateInput.read("panelDate", WHAT, "27", "3", "26")).message());
    }

    @Test
    void theWrongPartsAreTheOnesToDrawInRed() {
        assertEquals(List.of("month"), DateInput.wrongParts("27", "", "2026"));
        assertEquals(List.of("year"), DateInput.wrongParts("27", "3", "26"));
        assertEquals(List.of("day", "year"), DateInput.wrongParts("", "3", ""));
        assertEquals(DateInput.PARTS, DateInput.wrongParts("31", "2", "2026"), "no such date: all three");
        assertEquals(DateInput.PARTS, DateInput.wrongParts("", "", ""));
        assertEquals(DateInput.PARTS, DateInput.wrongParts("27", "3", "2026"), "a real date refused as a date");
    }

    @Test
    void aTimeIsReadAsPeopleTypeIt() {
        assertEquals(LocalTime.of(14, 30), DateInput.time("at", "the time", "14:30"));
        assertEquals(LocalTime.of(14, 30), DateInput.time("at", "the time", "14.30"));
        assertEquals(LocalTime.of(14, 30), DateInput.time("at", "the time", "2:30pm"));
        assertEquals(LocalTime.of(9, 0), DateInput.time("at", "the time", "9am"));
        assertEquals(LocalTime.of(0, 15), DateInput.time("at", "the time", "12:15 am"));
        assertEquals(LocalTime.of(12, 0), DateInput.time("at", "the time", "12pm"));
        assertNull(DateInput.time("at", "the time", " "));
        for (String typed : List.of("25:00", "14:60", "13pm", "14", "half two")) {
            assertEquals(new Problem.FieldError("at", "The time must be a real time, for example 14:30"),
                    refusal(() -> DateInput.time("at", "the time", typed)), typed);
        }
    }

    @Test
    void aDateAndTimeAreUkTime() {
        assertEquals(Instant.parse("2026-07-01T13:30:00Z"),
                DateInput.ukInstant(LocalDate.of(2026, 7, 1), LocalTime.of(14, 30)), "British Summer Time");
        assertEquals(Instant.parse("2026-12-08T09:00:00Z"),
                DateInput.ukInstant(LocalDate.of(2026, 12, 8), LocalTime.of(9, 0)), "Greenwich Mean Time");
    }

    record Panel(@RestForm String version, @RestForm("panelDate-day") String panelDateDay,
            @RestForm("panelDate-month") String panelDateMonth) implements ConsoleForms.Form {
    }

    @Test
    void aFormRedrawnKeepsEachPartUnderItsPostedName() {
        assertEquals(Map.of("version", "3", "panelDate-day", "27", "panelDate-month", "3"),
                new Panel("3", "27", "3").values());
        ConsolePage page = new ConsolePage("t", "u", false, "c",
                List.of(new Problem.FieldError("step.panelDate", "The panel's date must include a year")),
                Map.of("panelDate-day", "27", "panelDate-month", "3"), null);
        assertEquals(List.of(false, false, true), DateInput.PARTS.stream()
                .map(p -> page.datePartWrong("step.panelDate", "panelDate", p)).toList());
    }

    private static Problem.FieldError refusal(Runnable read) {
        ProblemException e = assertThrows(ProblemException.class, read::run);
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }
}
