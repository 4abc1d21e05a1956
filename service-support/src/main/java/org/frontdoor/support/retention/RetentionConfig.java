package org.frontdoor.support.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The retention schedule (docs/retention.md): how long each kind of record is kept, and how often the job runs. */
@ConfigMapping(prefix = "frontdoor.retention")
public interface RetentionConfig {

    /** Whether this instance runs the retention job. Several may: each deletion is idempotent. */
    @WithDefault("true")
    boolean enabled();

    /** How often the job looks for records past their period. */
    @WithDefault("1h")
    Duration interval();

    /** Periods by kind of record, overriding each rule's default, e.g. {@code keep."inbox-events"=P60D}. */
    Map<String, Duration> keep();
}
