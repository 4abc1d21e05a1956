package org.frontdoor.support.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body with fields this API does not have is refused with a 422 naming every one of them: a misspelt
 * optional field ({@code dateofBirth}) would otherwise be dropped without a word, and the referral saved without it.
 * While a request body is read, Jackson reports each unknown field here instead of failing at the first, so the
 * answer lists them all; any other reading (events, responses of other services) ignores unknown fields as before.
 */
@Provider
public class UnknownFields implements ReaderInterceptor {

    private static final ThreadLocal<List<String>> FOUND = new ThreadLocal<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<String> outer = FOUND.get();
        List<String> found = new ArrayList<>();
        FOUND.set(found);
        try {
            Object body = context.proceed();
            if (!found.isEmpty()) {
                throw ProblemException.invalid(found.stream()
                        .map(f -> new Problem.FieldError(f, "is not a field of this request"))
                        .toList());
            }
            return body;
        } finally {
            FOUND.set(outer);
        }
    }

    /** Registers the handler on the application's ObjectMapper. */
    @Singleton
    public static class Customizer implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
                    List<String> found = FOUND.get();
                    if (found == null) {
                        return false; // not a request body: the mapper's own setting decides
                    }
                    found.add(path(p.getParsingContext()));
                    p.skipChildren();
                    return true;
                }
            });
        }
    }

    /** Where the parser is, as the field names of the 422 are written: {@code children[0].nickname}. */
    static String path(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.toString();
    }
}
