package org.civnet.security;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.civnet.neo4j.CypherQueries;
import org.civnet.domain.GraphVersion;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where confidential and at-risk people are hidden from roles without clearance.
 * It works on the JSON of any response: every occurrence of a protected id becomes the person's
 * pseudonym; an object describing a protected person loses its name (the pseudonym instead),
 * channels, notes and country (the region stays); free-text fields lose the person's name.
 * Analyses and services never need to know who asks.
 */
@Component
public class Redactor {

    /** Fields of free text in which a protected name could appear. */
    private static final Set<String> FREE_TEXT = Set.of("note", "notes", "explanation", "why", "summary", "detail",
            "reason", "label", "description");
    /** Fields that locate or reach a person more finely than their region. */
    private static final Set<String> IDENTIFYING = Set.of("channels", "notes", "country", "note");

    private final Driver driver;
    private final CypherQueries cypher;
    private final GraphVersion store;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper json;
    private final ObjectMapper lenient;

    private long cachedVersion = -1;
    private Map<String, String> cachedNames = Map.of();

    public Redactor(Driver driver, CypherQueries cypher, GraphVersion store, Pseudonyms pseudonyms, ObjectMapper json) {
        this.driver = driver;
        this.cypher = cypher;
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.lenient = json.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The role of the current request's user, or null when anonymous. */
    public static Role currentRole() {
        return Role.of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static boolean currentHasClearance() {
        Role role = currentRole();
        return role != null && role.hasClearance();
    }

    /** Protected ids and their names, refreshed when the graph version moves. */
    public synchronized Map<String, String> protectedNames() {
        long version = store.graphVersion();
        if (version != cachedVersion) {
            Map<String, String> names = new HashMap<>();
            try (Session session = driver.session()) {
                session.executeRead(tx -> {
                    tx.run(cypher.get("security/protected-contacts")).forEachRemaining(r ->
                            names.put(r.get("id").asString(), r.get("name").asString()));
                    return null;
                });
            }
            cachedNames = Map.copyOf(names);
            cachedVersion = version;
        }
        return cachedNames;
    }

    public String pseudonym(String id) {
        return pseudonyms.of(id);
    }

    /** A redacted copy of {@code body} as JSON. */
    public JsonNode redact(Object body) {
        JsonNode tree = json.valueToTree(body);
        Map<String, String> names = protectedNames();
        if (names.isEmpty()) {
            return tree;
        }
        return walk(tree, names);
    }

    /** A redacted copy converted back to {@code type} (for writers that need records, e.g. GraphML). */
    public <T> T redact(Object body, Class<T> type) {
        return lenient.convertValue(redact(body), type);
    }

    /** Ids of protected people that appear anywhere in {@code body} (for the audit of cleared reads). */
    public Set<String> protectedIdsIn(Object body) {
        Map<String, String> names = protectedNames();
        Set<String> found = new java.util.TreeSet<>();
        if (!names.isEmpty()) {
            collect(json.valueToTree(body), names, found);
        }
        return found;
    }

    private void collect(JsonNode node, Map<String, String> names, Set<String> found) {
        if (node.isTextual()) {
            if (names.containsKey(node.asText())) {
                found.add(node.asText());
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, names, found));
        }
    }

    private JsonNode walk(JsonNode node, Map<String, String> names) {
        if (node.isTextual()) {
            String text = node.asText();
            return names.containsKey(text) ? TextNode.valueOf(pseudonyms.of(text)) : node;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), names));
            }
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode id = object.get("id");
            boolean describesProtected = id != null && id.isTextual() && names.containsKey(id.asText());
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            Map<String, JsonNode> replaced = new HashMap<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (describesProtected && IDENTIFYING.contains(field.getKey())) {
                    fields.remove();
                    continue;
                }
                JsonNode value = field.getValue();
                if (value.isTextual() && FREE_TEXT.contains(field.getKey())) {
                    replaced.put(field.getKey(), TextNode.valueOf(scrubNames(value.asText(), names)));
                } else {
                    replaced.put(field.getKey(), walk(value, names));
                }
            }
            replaced.forEach(object::set);
            if (describesProtected) {
                String pseudonym = pseudonyms.of(id.asText());
                if (object.has("name")) {
                    object.put("name", pseudonym);
                }
                object.put("id", pseudonym);
                object.put("pseudonymised", true);
            }
            return object;
        }
        return node;
    }

    private String scrubNames(String text, Map<String, String> names) {
        String out = text;
        for (Map.Entry<String, String> person : names.entrySet()) {
            if (out.contains(person.getValue())) {
                out = out.replace(person.getValue(), pseudonyms.of(person.getKey()));
            }
            if (out.contains(person.getKey())) {
                out = out.replace(person.getKey(), pseudonyms.of(person.getKey()));
            }
        }
        return out;
    }
}
