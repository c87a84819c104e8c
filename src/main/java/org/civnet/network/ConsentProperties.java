package org.civnet.network;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civnet.domain.ConsentPurpose;

/**
 * How a contact's consent is kept on its node: Neo4j properties are scalars, so each record of the
 * {@code consent} object becomes flat properties named by purpose and field
 * ({@code consentIntroduceGiven}, {@code consentIntroduceUntil}, {@code consentIntroduceMethod},
 * {@code consentIntroduceRecordedBy}, {@code consentIntroduceWithdrawn}, likewise
 * {@code consentBeIntroduced…} and {@code consentNameToMandate…}). A record's {@code Given} property
 * is always there: {@value #UNKNOWN} when the date is not known (a migrated yes), so the record exists
 * even when every other field is empty. Dates are ISO strings, as everywhere in the store.
 */
final class ConsentProperties {

    static final String UNKNOWN = "unknown";
    static final String[] FIELDS = {"given", "until", "method", "recordedBy", "withdrawn"};

    private ConsentProperties() {
    }

    /** Replaces a record map's {@code consent} object (and the yes/no field) by flat properties. */
    static Map<String, Object> flatten(Map<String, Object> properties) {
        Object consent = properties.remove("consent");
        properties.remove("consentToIntroduce");
        if (consent instanceof Map<?, ?> byPurpose) {
            for (ConsentPurpose purpose : ConsentPurpose.values()) {
                if (byPurpose.get(purpose.key()) instanceof Map<?, ?> record) {
                    for (String field : FIELDS) {
                        Object value = record.get(field);
                        if (value != null) {
                            properties.put(property(purpose, field), value);
                        }
                    }
                    properties.putIfAbsent(property(purpose, "given"), UNKNOWN);
                }
            }
        }
        return properties;
    }

    /** The {@code consent} object of a node's properties (flat ones removed); none when it has no record. */
    static Map<String, Object> unflatten(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>(properties);
        Map<String, Object> consent = new LinkedHashMap<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (String field : FIELDS) {
                Object value = out.remove(property(purpose, field));
                if (value != null && !(field.equals("given") && UNKNOWN.equals(value))) {
                    record.put(field, value);
                }
            }
            if (properties.containsKey(property(purpose, "given"))) {
                consent.put(purpose.key(), record);
            }
        }
        out.remove("consentToIntroduce");
        if (!consent.isEmpty()) {
            out.put("consent", consent);
        }
        return out;
    }

    /** The stored property of one field of one purpose's record: {@code consentBeIntroducedUntil}. */
    static String property(ConsentPurpose purpose, String field) {
        return "consent" + capital(purpose.key()) + capital(field);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
