package org.civnet.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

import org.civnet.api.JsonProblems;
import org.civnet.api.MergePatch;
import org.civnet.domain.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A stored record with a JSON Merge Patch applied ({@link MergePatch}), read back as the record type
 * with the same strict rules as any request body, so a PATCH changes only the fields it names.
 */
@Component
class RecordPatcher {

    private final ObjectMapper json;

    RecordPatcher(ObjectMapper json) {
        this.json = json;
    }

    <T> T patched(T current, JsonNode patch, Class<T> type) {
        JsonNode merged = MergePatch.apply(json, json.valueToTree(current), patch);
        try {
            return json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(JsonProblems.describe(e)));
        }
    }
}
