package org.civnet.network;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns records into Neo4j property maps and back. Properties are Bolt-friendly scalars: enums and
 * dates become their ISO/upper-case strings, lists stay lists, nulls are omitted (Neo4j removes
 * null properties anyway). Dates as ISO strings sort and compare correctly as text.
 */
public final class PropertyMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** All properties of a record (nulls dropped). */
    public Map<String, Object> toMap(Object record) {
        return new LinkedHashMap<>(mapper.convertValue(record, MAP));
    }

    /** The stored properties of a node record: everything but id and the timestamps, which the store manages. */
    public Map<String, Object> toNodeProperties(Object record) {
        Map<String, Object> map = toMap(record);
        map.remove("id");
        map.remove("createdAt");
        map.remove("updatedAt");
        return record instanceof Contact ? ConsentProperties.flatten(map) : map;
    }

    /**
     * The record of a node's properties; a contact's {@code consentToIntroduce} is answered as
     * whether its consent to introduce is current today.
     */
    public <T> T fromMap(Map<String, Object> properties, Class<T> type) {
        if (type == Contact.class) {
            Contact contact = mapper.convertValue(ConsentProperties.unflatten(properties), Contact.class);
            return type.cast(contact.withConsent(contact.consent(), contact.consentsToIntroduceOn(java.time.LocalDate.now())));
        }
        return mapper.convertValue(properties, type);
    }
}
