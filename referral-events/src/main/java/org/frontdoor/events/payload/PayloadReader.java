package org.frontdoor.events.payload;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.MalformedEventException;
import org.frontdoor.events.codes.Coded;

/**
 * How every payload is read, the same in every consumer: bound from the envelope, each code read into its shared code
 * list. What cannot be read (a payload of the wrong shape, an unknown code, a required code left out) is a
 * {@link MalformedEventException}, so the inbox dead-letters it with the reason instead of retrying it for ever.
 */
final class PayloadReader {

    private PayloadReader() {
    }

    /** The payload of {@code event}, bound to {@code type}. */
    static <T> T read(EventEnvelope event, Class<T> type) {
        try {
            return event.payloadAs(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " " + event.eventId() + " has a payload that is not a "
                    + type.getSimpleName() + ": " + e.getClass().getSimpleName());
        }
    }

    /** The payload of {@code event}, bound to {@code type}, its codes read by {@code codes} (which throws if one is bad). */
    static <T> T read(EventEnvelope event, Class<T> type, Consumer<T> codes) {
        T payload = read(event, type);
        codes.accept(payload);
        return payload;
    }

    /** A code written as the value's name; {@code event} and {@code field} name it in the reason. */
    static <E extends Enum<E>> E required(Class<E> type, String value, String event, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(event + " has no " + field);
        }
        return optional(type, value, event, field);
    }

    /** As {@link #required}, but absent (null) when the payload leaves it out. */
    static <E extends Enum<E>> E optional(Class<E> type, String value, String event, String field) {
        return value == null ? null : find(type, value, Enum::name, event, field);
    }

    /** A code of a {@link Coded} list (e.g. {@code RC8}), absent (null) when the payload leaves it out. */
    static <E extends Enum<E> & Coded> E optionalCode(Class<E> type, String value, String event, String field) {
        return value == null ? null : find(type, value, Coded::code, event, field);
    }

    private static <E extends Enum<E>> E find(Class<E> type, String value, Function<E, String> code, String event,
            String field) {
        List<E> values = Arrays.asList(type.getEnumConstants());
        return values.stream().filter(e -> code.apply(e).equals(value)).findFirst().orElseThrow(() -> {
            // a code, not personal data; cut short all the same, as it goes into logs and the dead-letter topic
            String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
            return new MalformedEventException(event + " has an unknown " + field + " '" + shown
                    + "' (a newer producer?); known: " + values.stream().map(code).toList());
        });
    }
}
