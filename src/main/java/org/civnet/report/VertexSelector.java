package org.civnet.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * A set of vertices named in a query parameter, such as betweenness {@code sources} and
 * {@code targets}: comma-separated terms {@code key:value} with key {@code label}, {@code region},
 * {@code country}, {@code theme}, {@code kind} or {@code id}; a bare label name means
 * {@code label:}. Terms with the same key are alternatives (OR); different keys must all hold (AND).
 * Example: {@code label:Mandate} or {@code region:ARAB_REGION,label:Contact}.
 */
public final class VertexSelector {

    enum Key { LABEL, REGION, COUNTRY, THEME, KIND, ID }

    private final Map<Key, Set<String>> terms;

    private VertexSelector(Map<Key, Set<String>> terms) {
        this.terms = terms;
    }

    /** Parses a selector; an unknown key, label or region is a 400 naming {@code field}. */
    public static VertexSelector parse(String field, String expression) {
        Map<Key, Set<String>> terms = new EnumMap<>(Key.class);
        if (expression == null || expression.isBlank()) {
            throw new InvalidInputException(field, "must name at least one term such as label:Mandate or region:AFRICA");
        }
        for (String raw : expression.split(",")) {
            String term = raw.strip();
            int colon = term.indexOf(':');
            String keyName = colon < 0 ? "label" : term.substring(0, colon).strip();
            String value = colon < 0 ? term : term.substring(colon + 1).strip();
            Key key;
            try {
                key = Key.valueOf(keyName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "unknown key '" + shorten(keyName)
                        + "' (use label, region, country, theme, kind or id)");
            }
            switch (key) {
                case LABEL -> {
                    try {
                        value = NodeLabel.valueOf(capitalised(value)).name();
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(field, "'" + shorten(value) + "' is not a node label");
                    }
                }
                case REGION -> {
                    try {
                        value = Region.valueOf(value.toUpperCase(Locale.ROOT)).name();
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(field, "'" + shorten(value) + "' is not a region");
                    }
                }
                default -> {
                    if (value.isEmpty() || value.length() > 128) {
                        throw new InvalidInputException(field, "a term value must be 1-128 characters");
                    }
                }
            }
            terms.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(value);
        }
        return new VertexSelector(terms);
    }

    private static String capitalised(String label) {
        for (NodeLabel l : NodeLabel.values()) {
            if (l.name().equalsIgnoreCase(label)) {
                return l.name();
            }
        }
        return label;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public IntPredicate on(NetworkSnapshot snapshot) {
        return v -> {
            for (Map.Entry<Key, Set<String>> term : terms.entrySet()) {
                if (!matches(snapshot, v, term.getKey(), term.getValue())) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The matching vertices, ascending. */
    public int[] select(NetworkSnapshot snapshot) {
        return select(snapshot, Set.of());
    }

    /**
     * The matching vertices, ascending, where a {@code hidden} vertex (a protected person, for a role
     * without clearance) is never matched by a term on what is withheld from the caller: its id or country.
     */
    public int[] select(NetworkSnapshot snapshot, Set<String> hidden) {
        return select(snapshot, hidden, Map.of());
    }

    /**
     * As {@link #select(NetworkSnapshot, Set)}, except that an {@code id:} term holding the pseudonym
     * of a hidden person ({@code named}: pseudonym → id, resolved by the caller) selects that person:
     * the caller names them as it sees them. Their country stays withheld.
     */
    public int[] select(NetworkSnapshot snapshot, Set<String> hidden, Map<String, String> named) {
        IntPredicate matching = on(snapshot);
        boolean withheldTerms = terms.containsKey(Key.ID) || terms.containsKey(Key.COUNTRY);
        Set<String> namedHidden = new java.util.HashSet<>();
        terms.getOrDefault(Key.ID, Set.of()).forEach(value -> {
            if (named.containsKey(value)) {
                namedHidden.add(named.get(value));
            }
        });
        IntPredicate test = hidden.isEmpty() || !withheldTerms ? matching
                : v -> !hidden.contains(snapshot.id(v)) ? matching.test(v) : matchesHidden(snapshot, v, namedHidden);
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < snapshot.vertexCount(); v++) {
            if (test.test(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A hidden vertex: no country term matches it, an id term only through its pseudonym. */
    private boolean matchesHidden(NetworkSnapshot s, int v, Set<String> namedHidden) {
        for (Map.Entry<Key, Set<String>> term : terms.entrySet()) {
            boolean match = switch (term.getKey()) {
                case COUNTRY -> false;
                case ID -> namedHidden.contains(s.id(v));
                default -> matches(s, v, term.getKey(), term.getValue());
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** The values of the {@code id:} terms of a selector expression (none when null), as given. */
    public static List<String> idTerms(String expression) {
        List<String> out = new ArrayList<>();
        if (expression != null) {
            for (String raw : expression.split(",")) {
                String term = raw.strip();
                int colon = term.indexOf(':');
                if (colon > 0 && term.substring(0, colon).strip().equalsIgnoreCase("id")) {
                    out.add(term.substring(colon + 1).strip());
                }
            }
        }
        return out;
    }

    private static boolean matches(NetworkSnapshot s, int v, Key key, Set<String> values) {
        return switch (key) {
            case LABEL -> values.contains(s.label(v).name());
            case REGION -> s.region(v) != null && values.contains(s.region(v).name());
            case COUNTRY -> s.country(v) != null && values.contains(s.country(v));
            case THEME -> values.stream().anyMatch(t -> s.hasTheme(v, t));
            case KIND -> s.subtype(v) != null && values.contains(s.subtype(v));
            case ID -> values.contains(s.id(v));
        };
    }

    @Override
    public String toString() {
        Map<String, Set<String>> view = new LinkedHashMap<>();
        terms.forEach((k, v) -> view.put(k.name().toLowerCase(Locale.ROOT), new java.util.TreeSet<>(v)));
        return view.toString();
    }
}
