package org.civnet.snapshot;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.civnet.domain.InvalidInputException;
import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.network.Themes;
import org.civnet.domain.TieType;

/**
 * What an analysis sees: which node kinds and tie types, which ties (trust, recency), and which
 * region or theme. The same query parameters select it on every analysis endpoint.
 *
 * <p>{@code region} and {@code theme} keep the nodes that match and the nodes that have no such
 * attribute at all (thematic mandates, networks, activities), since those are not outside the
 * region or theme. {@code minTrust} drops KNOWS ties below it (ties without trust stay).
 * {@code since} keeps the ties active since that date: last contact on or after it, or, without a
 * last contact, begun on or after it; ties with neither date are dropped.
 */
public record AnalysisScope(
        Set<NodeLabel> nodes,
        Set<TieType> ties,
        Integer minTrust,
        LocalDate since,
        Region region,
        String theme) {

    public static final Set<NodeLabel> DEFAULT_NODES = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation,
            NodeLabel.Mandate, NodeLabel.Network);

    public AnalysisScope {
        nodes = nodes == null || nodes.isEmpty() ? DEFAULT_NODES : Set.copyOf(EnumSet.copyOf(nodes));
        ties = ties == null || ties.isEmpty() ? Set.copyOf(EnumSet.allOf(TieType.class)) : Set.copyOf(EnumSet.copyOf(ties));
        if (nodes.contains(NodeLabel.Introduction)) {
            throw new InvalidInputException("nodes", "Introduction records are not part of the analysed graph");
        }
    }

    public static AnalysisScope all() {
        return new AnalysisScope(null, null, null, null, null, null);
    }

    /**
     * Parses the scope query parameters. Labels and types are checked against the allow-lists
     * (case-insensitive); anything else is a 400 naming the parameter.
     */
    public static AnalysisScope parse(String nodes, String ties, Integer minTrust, LocalDate since, Region region,
                                      String theme) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        Set<NodeLabel> labels = parseList("nodes", nodes, NodeLabel.class, problems);
        Set<TieType> types = parseList("ties", ties, TieType.class, problems);
        if (labels.contains(NodeLabel.Introduction)) {
            problems.add(new FieldProblem("nodes", "Introduction records are not part of the analysed graph"));
        }
        if (minTrust != null && (minTrust < 1 || minTrust > 5)) {
            problems.add(new FieldProblem("minTrust", "must be between 1 and 5"));
        }
        if (theme != null && !theme.matches(Themes.PATTERN)) {
            problems.add(new FieldProblem("theme", Themes.MESSAGE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AnalysisScope(labels, types, minTrust, since, region, theme);
    }

    private static <E extends Enum<E>> Set<E> parseList(String field, String csv, Class<E> type, List<FieldProblem> problems) {
        Set<E> out = EnumSet.noneOf(type);
        if (csv == null || csv.isBlank()) {
            return out;
        }
        for (String raw : csv.split(",")) {
            String name = raw.strip();
            E match = Arrays.stream(type.getEnumConstants())
                    .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (match == null) {
                problems.add(new FieldProblem(field, "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                        + "' is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", "))));
            } else {
                out.add(match);
            }
        }
        return out;
    }

    /** A compact, stable description for responses ("nodes=Contact,Organisation ties=KNOWS …"). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("nodes=").append(nodes.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        sb.append(" ties=").append(ties.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        if (minTrust != null) {
            sb.append(" minTrust=").append(minTrust);
        }
        if (since != null) {
            sb.append(" since=").append(since);
        }
        if (region != null) {
            sb.append(" region=").append(region);
        }
        if (theme != null) {
            sb.append(" theme=").append(theme);
        }
        return sb.toString();
    }
}
