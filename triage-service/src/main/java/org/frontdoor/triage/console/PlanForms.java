package org.frontdoor.triage.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import org.frontdoor.events.codes.CategoryOfAbuse;
import org.frontdoor.triage.statutory.CategoryChangeCommand;
import org.frontdoor.triage.statutory.CinPlanCommand;
import org.frontdoor.triage.statutory.PlanReviewCommand;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The plan pages' forms: a CIN plan started or ended, a child protection plan's review and change of category. Each
 * date is a GOV.UK Date input ({@link DateInput}), refused beside its field when it cannot be read.
 */
// the redraw reads each form's fields by reflection (Form.values)
@RegisterForReflection(targets = { PlanForms.StartForm.class, PlanForms.EndForm.class, PlanForms.ReviewForm.class,
        PlanForms.CategoryForm.class })
public final class PlanForms {

    private PlanForms() {
    }

    /** A CIN plan started. */
    public record StartForm(@RestForm("startedOn-day") String day, @RestForm("startedOn-month") String month,
            @RestForm("startedOn-year") String year) implements ConsoleForms.Form {

        CinPlanCommand command() {
            return new CinPlanCommand(DateInput.required("startedOn", "the date the plan started", day, month, year),
                    null);
        }
    }

    /** A CIN plan ended: the plan's version, so a stale page ends nothing changed since. */
    public record EndForm(@RestForm String version, @RestForm("endedOn-day") String day,
            @RestForm("endedOn-month") String month, @RestForm("endedOn-year") String year)
            implements ConsoleForms.Versioned {

        LocalDate endedOn() {
            return DateInput.required("endedOn", "the date the plan ended", day, month, year);
        }
    }

    /** A child protection plan's review conference. */
    public record ReviewForm(@RestForm("reviewedOn-day") String day, @RestForm("reviewedOn-month") String month,
            @RestForm("reviewedOn-year") String year) implements ConsoleForms.Form {

        PlanReviewCommand command() {
            return new PlanReviewCommand(DateInput.required("reviewedOn", "the review conference's date", day, month,
                    year));
        }
    }

    /** A child protection plan's category of abuse changed from a day on. */
    public record CategoryForm(@RestForm("changedOn-day") String day, @RestForm("changedOn-month") String month,
            @RestForm("changedOn-year") String year, @RestForm String category) implements ConsoleForms.Form {

        /** No category chosen: left to the service, which names the field. */
        CategoryChangeCommand command() {
            return new CategoryChangeCommand(DateInput.required("changedOn", "the date the category changed", day,
                    month, year), category == null || category.isBlank() ? null
                    : CategoryOfAbuse.fromCode(category.strip()).orElse(null));
        }
    }
}
