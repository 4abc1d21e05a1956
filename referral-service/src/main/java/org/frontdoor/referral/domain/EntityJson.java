package org.frontdoor.referral.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of the entities' {@code jsonb} columns (a timeline entry's detail, a contact's indicators and household)
 * where set-based SQL writes them: as Hibernate's own mapping writes them (nulls kept), so a row reads back the same
 * whichever way it was written.
 */
final class EntityJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EntityJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " cannot be written as JSON",
                    e);
        }
    }
}
