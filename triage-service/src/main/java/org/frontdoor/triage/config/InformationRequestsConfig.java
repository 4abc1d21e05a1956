package org.frontdoor.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a partner organisation has to answer the front door's question, and how often the late are chased. */
@ConfigMapping(prefix = "frontdoor.information-requests")
public interface InformationRequestsConfig {

    Deadline deadline();

    /** How often requests past their deadline are marked overdue and chased. */
    @WithDefault("60s")
    Duration sweepEvery();

    /**
     * From the request: RED on the wall clock; AMBER and GREEN in working days, their clock starting when the office
     * is open (the contact's own office hours, {@code frontdoor.triage.office-hours.*}).
     */
    interface Deadline {
        @WithDefault("4")
        int redHours();

        @WithDefault("1")
        int amberWorkingDays();

        @WithDefault("3")
        int greenWorkingDays();
    }
}
