package org.frontdoor.support.calendar;

import io.smallrye.config.ConfigMapping;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "frontdoor.calendar")
public interface CalendarConfig {

    /** One-off bank holidays not yet in the published list (e.g. FRONTDOOR_CALENDAR_EXTRA_HOLIDAYS=2027-06-07). */
    Optional<List<LocalDate>> extraHolidays();
}
