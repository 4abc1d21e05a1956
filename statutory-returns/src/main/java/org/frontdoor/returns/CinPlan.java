package org.frontdoor.returns;

import java.time.LocalDate;

/**
 * A child in need plan: a {@code CINPlanDates} element.
 *
 * @param start start date
 * @param end end date; null while the plan goes on
 */
public record CinPlan(LocalDate start, LocalDate end) {
}
