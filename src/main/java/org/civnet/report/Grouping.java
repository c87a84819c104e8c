package org.civnet.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.civnet.domain.InvalidInputException;
import org.civnet.network.Themes;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * Vertices grouped by an attribute, for brokerage roles and isolation: {@code region},
 * {@code country}, {@code kind} (contact kind / organisation type / mandate kind), {@code orgType}
 * (organisations by type, everyone else in "not an organisation"), {@code label}, {@code risk},
 * {@code theme} (one group per theme; a vertex may be in several) or {@code theme:X} (X or not X).
 * Vertices without the attribute form the group "(none)", so every vertex has a group.
 *
 * @param names   group names, by group index
 * @param members the vertices of each group
 * @param groupOf each vertex's group for single-membership groupings (the first group for themes)
 */
public record Grouping(String by, List<String> names, List<BitSet> members, int[] groupOf) {

    static final String NONE = "(none)";

    public static Grouping of(NetworkSnapshot snapshot, String by) {
        return of(snapshot, by, java.util.Set.of());
    }

    /**
     * The grouping as a role sees it: a person in {@code hidden} (protected, for a role without
     * clearance) has no country to be grouped by, so no country group gives theirs away.
     */
    public static Grouping of(NetworkSnapshot snapshot, String by, java.util.Set<String> hidden) {
        String key = by == null ? "region" : by.strip();
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("theme:")) {
            String theme = key.substring("theme:".length());
            if (!theme.matches(Themes.PATTERN)) {
                throw new InvalidInputException("groupBy", "theme:" + Themes.MESSAGE);
            }
            return single(snapshot, key, v -> snapshot.hasTheme(v, theme) ? theme : "not " + theme);
        }
        return switch (lower) {
            case "region" -> single(snapshot, "region", v -> snapshot.region(v) == null ? null : snapshot.region(v).name());
            case "country" -> single(snapshot, "country", v -> hidden.contains(snapshot.id(v)) ? null : snapshot.country(v));
            case "kind" -> single(snapshot, "kind", v -> snapshot.label(v) + ":" + snapshot.subtype(v));
            case "orgtype" -> single(snapshot, "orgType", v -> snapshot.label(v) == org.civnet.domain.NodeLabel.Organisation
                    ? snapshot.subtype(v) : "not an organisation");
            case "label" -> single(snapshot, "label", v -> snapshot.label(v).name());
            case "risk" -> single(snapshot, "risk", v -> snapshot.risk(v) == null ? null : snapshot.risk(v).name());
            case "theme" -> themes(snapshot);
            default -> throw new InvalidInputException("groupBy",
                    "must be one of region, country, kind, orgType, label, risk, theme, theme:THEME");
        };
    }

    private static Grouping single(NetworkSnapshot snapshot, String by, IntFunction<String> attribute) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int n = snapshot.vertexCount();
        String[] values = new String[n];
        for (int v = 0; v < n; v++) {
            String value = attribute.apply(v);
            values[v] = value == null ? NONE : value;
        }
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(java.util.Arrays.asList(values));
        for (String value : sorted) {
            index.put(value, index.size());
        }
        int[] groupOf = new int[n];
        List<BitSet> members = new ArrayList<>();
        for (int g = 0; g < index.size(); g++) {
            members.add(new BitSet(n));
        }
        for (int v = 0; v < n; v++) {
            groupOf[v] = index.get(values[v]);
            members.get(groupOf[v]).set(v);
        }
        return new Grouping(by, List.copyOf(index.keySet()), members, groupOf);
    }

    private static Grouping themes(NetworkSnapshot snapshot) {
        int n = snapshot.vertexCount();
        java.util.TreeMap<String, BitSet> byTheme = new java.util.TreeMap<>();
        BitSet none = new BitSet(n);
        for (int v = 0; v < n; v++) {
            String[] themes = snapshot.themes(v);
            if (themes.length == 0) {
                none.set(v);
            }
            for (String theme : themes) {
                byTheme.computeIfAbsent(theme, t -> new BitSet(n)).set(v);
            }
        }
        List<String> names = new ArrayList<>(byTheme.keySet());
        List<BitSet> members = new ArrayList<>(byTheme.values());
        names.add(NONE);
        members.add(none);
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, names.size() - 1);
        for (int g = members.size() - 2; g >= 0; g--) {
            for (int v = members.get(g).nextSetBit(0); v >= 0; v = members.get(g).nextSetBit(v + 1)) {
                groupOf[v] = g;
            }
        }
        return new Grouping("theme", List.copyOf(names), members, groupOf);
    }
}
