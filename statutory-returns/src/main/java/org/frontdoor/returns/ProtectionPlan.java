package org.frontdoor.returns;

import java.time.LocalDate;
import java.util.List;
import org.frontdoor.events.codes.CategoryOfAbuse;

/**
 * A child protection plan: a {@code ChildProtectionPlans} element.
 *
 * @param start the date it started (the initial conference's date)
 * @param end the date it ended; null while it goes on
 * @param initialCategory category of abuse when it started
 * @param latestCategory category of abuse now (or at its end)
 * @param previousPlans how many plans the child had before this one
 * @param reviews the dates of its review conferences
 */
public record ProtectionPlan(LocalDate start, LocalDate end, CategoryOfAbuse initialCategory,
        CategoryOfAbuse latestCategory, int previousPlans, List<LocalDate> reviews) {

    public ProtectionPlan {
        reviews = Lists.copy(reviews);
    }
}
