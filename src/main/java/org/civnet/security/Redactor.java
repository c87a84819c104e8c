package org.civnet.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.civnet.domain.GraphVersion;
import org.civnet.domain.OrderedIds;
import org.civnet.domain.QuasiIdentifier;
import org.civnet.domain.Sensitivity;
import org.civnet.domain.Sensitivity.Kind;
import org.civnet.neo4j.ChangeRecords;
import org.civnet.neo4j.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/**
 * The one mechanism that hides protected people and free text from roles without clearance. It
 * reads each response record's declared {@link Sensitivity} and rewrites the response's JSON tree:
 * <ul>
 * <li>{@link Kind#FREE_TEXT} fields are withheld;</li>
 * <li>a record whose {@code id} is a protected person shows the pseudonym as id and
 * {@link Kind#NAME}, loses its {@link Kind#IDENTIFYING} fields and gets {@code pseudonymised: true};
 * a {@code NAME} that is free text (a training's title) is withheld;</li>
 * <li>every other text value (and map key) that is a protected id becomes the pseudonym;</li>
 * <li>a text field that declares nothing is withheld (fail closed).</li>
 * </ul>
 * Every representation is written from the redacted tree: JSON directly, CSV, GraphML and GEXF
 * through {@link #redact(Object, Class)}, so one decision covers them all.
 */
@Component
public class Redactor {

    private final Driver driver;
    private final CypherQueries cypher;
    private final GraphVersion store;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper json;
    private final ObjectMapper lenient;

    /** Beyond this many nodes named since the last look, every contact is read again. */
    private static final int MAX_CHANGED = 20_000;

    /** The request attribute saying whether this request's response body was redacted. */
    private static final String PSEUDONYMISED = Redactor.class.getName() + ".pseudonymised";

    private long cachedVersion = -1;
    /** Contacts protected by their own record (confidential, at risk): brought forward from the change records. */
    private Map<String, String> cachedByRecord = Map.of();
    /** Those and every source of a communication: who is protected, id → name. */
    private Map<String, String> cachedNames = Map.of();
    private Set<String> cachedFreeTextNamed = Set.of();
    /** Pseudonym → protected id, built on the first look-up of a graph version (see {@link #protectedIdOf}). */
    private Map<String, String> cachedByPseudonym;

    public Redactor(Driver driver, CypherQueries cypher, GraphVersion store, Pseudonyms pseudonyms, ObjectMapper json) {
        this.driver = driver;
        this.cypher = cypher;
        cypher.require("graph/version", "graph/changes-since", "security/protected-by-record",
                "security/protected-by-record-among", "security/sources-of-communications", "security/free-text-named");
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.lenient = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Records on the request whether its response body was redacted (by {@code RedactionAdvice}). */
    static void markPseudonymised(jakarta.servlet.ServletRequest request, boolean pseudonymised) {
        request.setAttribute(PSEUDONYMISED, pseudonymised);
    }

    /**
     * Whether this request's response body was redacted for a role without clearance: every protected
     * person in it is a pseudonym. What a CSV file says in its {@code pseudonymised} column.
     */
    public static boolean pseudonymised(jakarta.servlet.ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(PSEUDONYMISED));
    }

    /** Protected ids and their names, refreshed when the graph version moves. */
    public Map<String, String> protectedNames() {
        refresh();
        return cachedNames;
    }

    /** Ids of protected people: what roles without clearance can neither select nor look up. */
    public Set<String> protectedIds() {
        return protectedNames().keySet();
    }

    public boolean isProtected(String id) {
        return id != null && protectedNames().containsKey(id);
    }

    private synchronized Set<String> freeTextNamed() {
        refresh();
        return cachedFreeTextNamed;
    }

    /**
     * Brings the protected people to the current graph version. Those protected by their own record
     * are brought forward from the change records (only the nodes the writes since named are read
     * again), since a whole scan of the contacts after every write made each write's response wait
     * for it (about half a second at 100,000 contacts); sources and titles are few and read whole.
     * When the records are incomplete (pruned, a restore) every contact is read again.
     */
    private synchronized void refresh() {
        if (store.graphVersion() == cachedVersion) {
            return;
        }
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                long version = tx.run(cypher.get("graph/version")).single().get("version").asLong();
                if (version == cachedVersion) {
                    return null;
                }
                Set<String> changed = ChangeRecords.changedSince(tx, cypher, cachedVersion, version, MAX_CHANGED);
                Map<String, String> byRecord;
                if (changed == null) {
                    byRecord = new HashMap<>();
                    tx.run(cypher.get("security/protected-by-record")).forEachRemaining(r -> put(byRecord, r));
                } else {
                    byRecord = new HashMap<>(cachedByRecord);
                    byRecord.keySet().removeAll(changed);
                    tx.run(cypher.get("security/protected-by-record-among"), Map.of("ids", List.copyOf(changed)))
                            .forEachRemaining(r -> put(byRecord, r));
                }
                Map<String, String> names = new HashMap<>(byRecord);
                tx.run(cypher.get("security/sources-of-communications")).forEachRemaining(r -> put(names, r));
                Set<String> freeText = new HashSet<>();
                tx.run(cypher.get("security/free-text-named")).forEachRemaining(r -> freeText.add(r.get("id").asString()));
                cachedByRecord = byRecord;
                cachedNames = Collections.unmodifiableMap(names);
                cachedFreeTextNamed = Collections.unmodifiableSet(freeText);
                cachedByPseudonym = null;
                cachedVersion = version;
                return null;
            });
        }
    }

    private static void put(Map<String, String> names, org.neo4j.driver.Record r) {
        names.put(r.get("id").asString(), r.get("name").asString());
    }

    /**
     * The protected person {@code pseudonym} stands for now, or null. The index is computed from the
     * protected ids this class already keeps per graph version, only when a pseudonym-shaped id is
     * asked for: one HMAC per protected person (tens of milliseconds for 20,000 of 100,000 contacts,
     * a few MB), once per graph version, instead of a stored look-up every write would have to keep
     * right and every key change rewrite.
     */
    public String protectedIdOf(String pseudonym) {
        if (!Pseudonyms.looksLikeOne(pseudonym)) {
            return null;
        }
        return byPseudonym().get(pseudonym);
    }

    private synchronized Map<String, String> byPseudonym() {
        refresh();
        if (cachedByPseudonym == null) {
            cachedByPseudonym = pseudonyms.index(cachedNames.keySet());
        }
        return cachedByPseudonym;
    }

    public String pseudonym(String id) {
        return pseudonyms.of(id);
    }

    /** What {@code id} is shown as to a role without clearance. */
    public String shownId(String id) {
        return isProtected(id) ? pseudonyms.of(id) : id;
    }

    /** The redacted JSON tree of {@code body}, for a role without clearance (nothing withheld by the gate). */
    public JsonNode redact(Object body) {
        return redact(body, Disclosure.NONE, new Tally());
    }

    /**
     * The redacted JSON tree of {@code body}, with what {@code disclosure} withholds left out (a record
     * that names a withheld person, a list element or map entry that is one) and what it coarsens
     * shown coarsened; {@code tally} collects whom this response left out or coarsened. Null when
     * the whole body is a withheld person's record.
     */
    public JsonNode redact(Object body, Disclosure disclosure, Tally tally) {
        JsonNode tree = json.valueToTree(body);
        return walk(body, tree, new View(protectedNames(), freeTextNamed(), disclosure, tally));
    }

    /** A redacted copy converted back to {@code type} (for writers of other representations: CSV, GraphML, GEXF). */
    public <T> T redact(Object body, Class<T> type) {
        return lenient.convertValue(redact(body), type);
    }

    /** {@link #redact(Object, Disclosure, Tally)} converted back to {@code type}; null when all of it is withheld. */
    public <T> T redact(Object body, Class<T> type, Disclosure disclosure, Tally tally) {
        JsonNode tree = redact(body, disclosure, tally);
        return tree == null ? null : lenient.convertValue(tree, type);
    }

    /** Whom one response left out (id → reason) and coarsened: counted for the response, never named in it. */
    public static final class Tally {
        private final Map<String, String> withheld = new HashMap<>();
        private final Set<String> coarsened = new HashSet<>();

        /** How many people were left out, per reason. */
        public Map<String, Integer> withheldByReason() {
            Map<String, Integer> out = new java.util.TreeMap<>();
            withheld.values().forEach(r -> out.merge(r, 1, Integer::sum));
            return out;
        }

        public int withheldCount() {
            return withheld.size();
        }

        public int coarsenedCount() {
            return coarsened.size();
        }
    }

    /** Ids of protected people that appear anywhere in {@code body} (for the audit of cleared reads). */
    public Set<String> protectedIdsIn(Object body) {
        Map<String, String> names = protectedNames();
        Set<String> found = new TreeSet<>();
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
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(key -> {
                if (names.containsKey(key)) {
                    found.add(key);
                }
            });
            node.forEach(child -> collect(child, names, found));
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, names, found));
        }
    }

    private record View(Map<String, String> names, Set<String> freeTextNamed, Disclosure gate, Tally tally) {

        /** Whether {@code node} is a withheld person's id (and counts it). */
        boolean withheld(JsonNode node) {
            return node != null && node.isTextual() && withheld(node.asText());
        }

        boolean withheld(String id) {
            if (!gate.withholds(id)) {
                return false;
            }
            tally.withheld.put(id, gate.withheld().get(id));
            return true;
        }

        /**
         * Whether {@code node} names someone whose ties are not shown: a withheld person, or a coarsened
         * one named anywhere but as the subject of their own record (a tie's end, a list of members).
         */
        boolean hidesTies(JsonNode node) {
            return withheld(node) || node != null && node.isTextual() && gate.coarsens(node.asText());
        }
    }

    /** The declared kind of a record component; null when its type alone makes it safe. */
    public static Kind declared(RecordComponent component) {
        Sensitivity sensitivity = component.getAnnotation(Sensitivity.class);
        return sensitivity == null ? null : sensitivity.value();
    }

    /** Types that cannot carry text: numbers, booleans, characters, enums, dates and times. */
    public static boolean closedType(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type.isEnum() || Temporal.class.isAssignableFrom(type) || java.time.temporal.TemporalAmount.class.isAssignableFrom(type)
                || java.util.BitSet.class == type || type.isArray() && type.getComponentType().isPrimitive();
    }

    private JsonNode walk(Object value, JsonNode node, View view) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return node;
        }
        if (value instanceof Record record && node.isObject()) {
            return walkRecord(record, (ObjectNode) node, view);
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            List<?> items = value instanceof Collection<?> c ? new ArrayList<>(c)
                    : value instanceof Object[] a ? List.of(a) : null;
            ArrayNode kept = array.arrayNode();
            for (int i = 0; i < array.size(); i++) {
                Object item = items != null && i < items.size() ? items.get(i) : null;
                JsonNode shown = view.hidesTies(array.get(i)) ? null : walk(item, array.get(i), view);
                if (shown != null) {
                    kept.add(shown);
                }
            }
            return kept;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Map<?, ?> map = value instanceof Map<?, ?> m ? m : Map.of();
            Map<String, Object> byKey = new HashMap<>();
            map.forEach((k, v) -> byKey.put(String.valueOf(k), v));
            Map<String, JsonNode> rewritten = new java.util.LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (view.hidesTies(TextNode.valueOf(field.getKey())) || view.hidesTies(field.getValue())) {
                    continue;
                }
                String key = view.names().containsKey(field.getKey()) ? pseudonyms.of(field.getKey()) : field.getKey();
                JsonNode shown = walk(byKey.get(field.getKey()), field.getValue(), view);
                if (shown != null) {
                    rewritten.put(key, shown);
                }
            }
            object.removeAll();
            object.setAll(rewritten);
            return object;
        }
        if (node.isTextual() && view.names().containsKey(node.asText())) {
            return TextNode.valueOf(pseudonyms.of(node.asText()));
        }
        return node;
    }

    private JsonNode walkRecord(Record record, ObjectNode object, View view) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        String subject = null;
        for (RecordComponent c : components) {
            if (c.getName().equals("id") && accessed(record, c) instanceof String id) {
                subject = id;
            }
        }
        if (namesWithheld(record, components, object, view)) {
            return null;
        }
        boolean isProtected = subject != null && view.names().containsKey(subject);
        boolean coarsened = isProtected && view.gate().coarsens(subject);
        boolean freeTextName = subject != null && view.freeTextNamed().contains(subject);
        for (RecordComponent c : components) {
            String field = c.getName();
            JsonNode child = object.get(field);
            if (child == null) {
                continue;
            }
            Kind kind = declared(c);
            if (kind == null && !closedType(c.getType()) && !Record.class.isAssignableFrom(c.getType())
                    && !(c.getGenericType() instanceof java.lang.reflect.TypeVariable<?>) && !elementsAreRecordsOrClosed(c)) {
                kind = Kind.FREE_TEXT; // undeclared text: fail closed
            }
            if (kind == Kind.FREE_TEXT || (kind == Kind.IDENTIFYING && isProtected)
                    || (kind == Kind.NAME && !isProtected && freeTextName)) {
                object.remove(field);
                continue;
            }
            if (coarsened && c.isAnnotationPresent(QuasiIdentifier.class)) {
                object.remove(field);
                continue;
            }
            if (kind == Kind.NAME && isProtected) {
                object.put(field, pseudonyms.of(subject));
                continue;
            }
            JsonNode shown = walk(accessed(record, c), child, view);
            if (shown == null) {
                object.remove(field);
            } else {
                object.set(field, shown);
            }
        }
        if (isProtected) {
            object.put("id", pseudonyms.of(subject));
            object.put("pseudonymised", true);
        }
        if (coarsened) {
            view.tally().coarsened.add(subject);
            object.put("coarsened", true);
            object.put("degreeRange", view.gate().coarsened().get(subject));
        }
        return object;
    }

    /**
     * Whether a record is left out whole: its subject is withheld, or it names a withheld or coarsened
     * person (whose ties are not shown) in any other text component (a tie's end, an introduction's
     * introducer) or anywhere in an {@link OrderedIds} list (a path, which without them would say
     * something false).
     */
    private static boolean namesWithheld(Record record, RecordComponent[] components, ObjectNode object, View view) {
        if (view.gate().withheld().isEmpty() && view.gate().coarsened().isEmpty()) {
            return false;
        }
        for (RecordComponent c : components) {
            JsonNode child = object.get(c.getName());
            if (child == null) {
                continue;
            }
            boolean subject = c.getName().equals("id");
            if (subject ? view.withheld(child) : view.hidesTies(child)) {
                return true;
            }
            if (c.isAnnotationPresent(OrderedIds.class) && child.isArray()) {
                for (JsonNode element : child) {
                    if (view.hidesTies(element)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A collection or map whose declared element types are records or closed types needs no declaration. */
    private static boolean elementsAreRecordsOrClosed(RecordComponent c) {
        if (!(Collection.class.isAssignableFrom(c.getType()))) {
            return false;
        }
        if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments().length == 1) {
            java.lang.reflect.Type element = p.getActualTypeArguments()[0];
            // A type variable (a page of T) is bound per endpoint; the records it holds declare their own fields.
            return element instanceof java.lang.reflect.TypeVariable<?>
                    || element instanceof Class<?> e && (closedType(e) || Record.class.isAssignableFrom(e));
        }
        return false;
    }

    private static Object accessed(Record record, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }
}
