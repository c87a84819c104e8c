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
        Map<String, Object> map = toStoredMap(record);
        map.remove("id");
        map.remove("createdAt");
        map.remove("updatedAt");
        return map;
    }

    /** A record as the store keeps it, id and timestamps included: a contact's consent as flat properties. */
    public Map<String, Object> toStoredMap(Object record) {
        Map<String, Object> map = toMap(record);
        return record instanceof Contact ? ConsentProperties.flatten(map) : map;
    }

    /**
     * The stored properties of a tie, as {@link #toMap} gives them without type and ends, built
     * directly: an import writes a million of these, and the generic conversion is most of the
     * client's time there.
     */
    static Map<String, Object> tieProperties(Tie tie) {
        Map<String, Object> props = new LinkedHashMap<>(8);
        putPresent(props, "trust", tie.trust());
        putPresent(props, "since", tie.since() == null ? null : tie.since().toString());
        putPresent(props, "lastContact", tie.lastContact() == null ? null : tie.lastContact().toString());
        putPresent(props, "role", tie.role());
        putPresent(props, "activities", tie.activities() == null ? null : new java.util.ArrayList<>(tie.activities()));
        putPresent(props, "followUp", tie.followUp() == null ? null : tie.followUp().name());
        return props;
    }

    private static void putPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
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
