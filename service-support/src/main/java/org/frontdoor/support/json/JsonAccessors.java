package org.frontdoor.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The REST layer's ObjectMapper (request and response bodies) reads and writes properties through generated lambdas
 * (Jackson's Blackbird module) instead of reflection, as the events' mapper does ({@code EventJson}): Jackson was
 * 13-19% of each service's CPU samples (issue 29). What is read and written is unchanged.
 */
@Singleton
public class JsonAccessors implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}
