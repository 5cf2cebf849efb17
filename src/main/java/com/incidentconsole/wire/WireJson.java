package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds the single Jackson configuration used for everything that crosses the wire.
 *
 * <p>Composition roots call {@link #newMapper()} once and pass the mapper down; it is thread-safe
 * and meant to be shared (derive readers and writers from it rather than building another).
 */
public final class WireJson {

    private WireJson() {
    }

    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // Servers add fields between plugin versions; an unknown field must never break a client.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                // Records expose derived helpers such as isDone(); only components are wire fields.
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .build();
    }
}
