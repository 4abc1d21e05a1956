package org.frontdoor.events.codes;

/**
 * One entry of the published indicator catalogue.
 *
 * @param code UPPER_SNAKE_CASE, what referrers send
 * @param level the level of the continuum of need (1-4) it usually points to
 * @param cinFactor the DfE Children in Need assessment factor it maps to
 * @param description plain words for the referrer and the worker
 */
public record Indicator(String code, int level, String cinFactor, String description) {
}
