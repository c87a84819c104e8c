package org.civnet.api;

import java.io.StringReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.civnet.domain.InvalidInputException;

/**
 * JSON Merge Patch (RFC 7396), the body of every {@code PATCH}: the fields a patch names replace
 * those of the record, {@code null} removes one, objects merge, and every field it does not name is
 * kept. Applied by Jakarta JSON Processing's {@code Json.createMergePatch} (Eclipse Parsson), not by
 * hand; the result is then checked like any other body.
 */
public final class MergePatch {

    /** The media type of a merge patch. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** {@code target} with {@code patch} applied; the patch must be a JSON object. */
    public static JsonNode apply(ObjectMapper json, JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("(body)", "must be a JSON object naming the fields to change (RFC 7396)");
        }
        try {
            JsonValue merged = Json.createMergePatch(read(json.writeValueAsString(patch)))
                    .apply(read(json.writeValueAsString(target)));
            return json.readTree(merged.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record that was just read cannot be written as JSON", e);
        }
    }

    private static JsonValue read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
