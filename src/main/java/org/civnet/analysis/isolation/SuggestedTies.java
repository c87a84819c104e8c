package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Introductions that would give fragile at-risk contacts a second independent route (or a first
 * one) to the UN human rights mechanisms.
 *
 * <p>For each at-risk contact {@code u} with fewer than two {@link DisjointRoutes}, a candidate is a
 * vertex {@code v} that consents to be introduced ({@code mayIntroduce}), reaches a mandate, is not
 * {@code u} nor already tied to it, and for which the new tie {@code u-v} raises {@code u}'s routes:
 * from 1 to 2, or from 0 to 1. A {@code v} on {@code u}'s single route, or behind the same single
 * point of failure, is never suggested, since the tie would not raise the count.
 *
 * <p>Where candidates come from (bounded, since introductions travel through people who know both
 * sides, seed 002, E.1):
 * <ul>
 *   <li>vertices {@code 2..maxIntroductionHops} hops from {@code u} (friends of friends at the
 *       default 2; {@link Suggestion#commonNeighbours()} are the possible introducers);</li>
 *   <li>if a region per vertex is given, the {@code regionalCandidates} consenting vertices of
 *       {@code u}'s region nearest to a mandate. This is the only source for contacts with no
 *       route at all, whose neighbourhood cannot reach a mandate by definition.</li>
 * </ul>
 *
 * <p>Beneficiaries of a tie, counted exactly: the at-risk contacts whose capped route count rises.
 * For {@code u} with no route, every at-risk vertex of its component (each goes from 0 to 1). For
 * {@code u} with one route, the one-route at-risk contacts of the biconnected blocks that the tie
 * merges with the mandates' block, {@code u} included, read off the block-cut tree of the network
 * with the mandates contracted (see {@code MandateBlocks}). People whose only route passes through
 * {@code u} from behind do not gain: {@code u} still separates them.
 *
 * <p>Ranking: beneficiaries descending, then the candidate's hops to a mandate ascending, then hops
 * between the two (unknown last), then contact and candidate index; at most
 * {@code maxCandidatesPerContact} per contact.
 *
 * <p>Cost: reuses the block-cut tree of the {@link DisjointRoutes}; then per fragile contact a
 * bounded breadth-first search for candidates and one walk up the tree per candidate.
 * Immutable and thread-safe once built.
 */
public final class SuggestedTies {

    /**
     * @param maxIntroductionHops     how far from the contact candidates are searched (>= 2)
     * @param maxCandidatesPerContact suggestions kept per contact
     * @param maxSuggestions          length of the final list
     * @param regionalCandidates      same-region candidates tried per contact (0 = none)
     */
    public record Options(int maxIntroductionHops, int maxCandidatesPerContact, int maxSuggestions,
                          int regionalCandidates) {

        public static final Options DEFAULTS = new Options(2, 3, 20, 20);

        public Options {
            if (maxIntroductionHops < 2) {
                throw new IllegalArgumentException("maxIntroductionHops must be >= 2");
            }
            if (maxCandidatesPerContact < 1 || maxSuggestions < 0 || regionalCandidates < 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /**
     * A suggested introduction.
     *
     * @param contact             the at-risk contact
     * @param candidate           whom to introduce them to
     * @param routesBefore        the contact's routes now (0 or 1)
     * @param routesAfter         with the tie (1 or 2)
     * @param beneficiaries       at-risk contacts whose route count rises, the contact included
     * @param beneficiaryContacts those contacts, ascending
     * @param candidateHops       the candidate's hops to the nearest mandate
     * @param hopsBetween         current hops between contact and candidate; -1 when further than
     *                            {@code maxIntroductionHops} or not connected
     * @param commonNeighbours    up to three shared neighbours, who could make the introduction
     */
    public record Suggestion(int contact, int candidate, int routesBefore, int routesAfter,
                             int beneficiaries, List<Integer> beneficiaryContacts, int candidateHops,
                             int hopsBetween, List<Integer> commonNeighbours) {
        public Suggestion {
            beneficiaryContacts = List.copyOf(beneficiaryContacts);
            commonNeighbours = List.copyOf(commonNeighbours);
        }
    }

    private static final int MAX_INTRODUCERS = 3;

    private final MandateReach reach;
    private final CsrGraph graph;
    private final DisjointRoutes routes;
    private final BitSet atRisk;
    private final BitSet mayIntroduce;
    private final int[] regionOf;
    private final Options options;
    private final int[] localDistance;
    private final int[] localStamp;
    private int stamp;
    private final List<Suggestion> suggestions;

    /**
     * @param routes       route counts of the at-risk contacts (its sources are the at-risk set)
     * @param mayIntroduce vertices that consent to be introduced
     * @param regionOf     a region index per vertex (-1 = unknown), or {@code null}
     * @param options      limits
     */
    public SuggestedTies(DisjointRoutes routes, BitSet mayIntroduce, int[] regionOf, Options options) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.reach = routes.reach();
        this.graph = reach.graph();
        int n = graph.vertexCount();
        this.atRisk = routes.sources();
        this.mayIntroduce = Checks.vertexSet(mayIntroduce, n, "mayIntroduce");
        if (regionOf != null && regionOf.length != n) {
            throw new IllegalArgumentException("regionOf has " + regionOf.length
                    + " entries for " + n + " vertices");
        }
        this.regionOf = regionOf == null ? null : regionOf.clone();
        this.options = Objects.requireNonNull(options, "options");
        this.localDistance = new int[n];
        this.localStamp = new int[n];
        this.suggestions = compute();
    }

    public SuggestedTies(DisjointRoutes routes, BitSet mayIntroduce) {
        this(routes, mayIntroduce, null, Options.DEFAULTS);
    }

    /** A candidate tie before its beneficiaries are listed. */
    private record Scored(int contact, int candidate, int routesBefore, int gain, int candidateHops,
                          int hopsBetween) {
    }

    private static final Comparator<Scored> SCORED_RANKING = Comparator
            .comparingInt((Scored s) -> -s.gain())
            .thenComparingInt(Scored::candidateHops)
            .thenComparingInt(s -> s.hopsBetween() < 0 ? Integer.MAX_VALUE : s.hopsBetween())
            .thenComparingInt(Scored::contact)
            .thenComparingInt(Scored::candidate);

    private List<Suggestion> compute() {
        if (options.maxSuggestions() == 0) {
            return List.of();
        }
        int[][] regional = regionalCandidates();
        BitSet oneRoute = new BitSet();
        for (int x : routes.withRoutes(1)) {
            oneRoute.set(x);
        }
        MandateBlocks blocks = routes.blocks();
        int[] blockCounts = blocks.blockCounts(oneRoute);
        int[] atRiskPerComponent = new int[reach.components().size()];
        atRisk.stream().forEach(x -> atRiskPerComponent[reach.componentOf(x)]++);
        List<Scored> all = new ArrayList<>();
        for (int u = atRisk.nextSetBit(0); u >= 0; u = atRisk.nextSetBit(u + 1)) {
            int before = routes.routes(u);
            if (before >= RouteCounter.CAP) {
                continue;
            }
            int[] nearby = localSearch(u, options.maxIntroductionHops());
            int componentAtRisk = atRiskPerComponent[reach.componentOf(u)];
            List<Scored> mine = new ArrayList<>();
            for (int v : candidatesOf(u, nearby, regional)) {
                int gain = before == 0 ? componentAtRisk : blocks.gain(u, v, oneRoute, blockCounts);
                if (gain > 0) {
                    int between = localStamp[v] == stamp ? localDistance[v] : -1;
                    mine.add(new Scored(u, v, before, gain, reach.hops(v), between));
                }
            }
            mine.sort(SCORED_RANKING);
            all.addAll(mine.subList(0, Math.min(mine.size(), options.maxCandidatesPerContact())));
        }
        all.sort(SCORED_RANKING);
        List<Suggestion> result = new ArrayList<>();
        for (Scored s : all.subList(0, Math.min(all.size(), options.maxSuggestions()))) {
            List<Integer> gainers = s.routesBefore() == 0 ? atRiskInComponent(s.contact())
                    : blocks.gainers(s.contact(), s.candidate(), oneRoute);
            result.add(new Suggestion(s.contact(), s.candidate(), s.routesBefore(), s.routesBefore() + 1,
                    s.gain(), gainers, s.candidateHops(), s.hopsBetween(),
                    commonNeighbours(s.contact(), s.candidate())));
        }
        return List.copyOf(result);
    }

    /** Per region, the consenting reachable vertices, nearest to a mandate first (bounded). */
    private int[][] regionalCandidates() {
        if (regionOf == null || options.regionalCandidates() == 0) {
            return new int[0][];
        }
        int regions = Arrays.stream(regionOf).max().orElse(-1) + 1;
        List<List<Integer>> byRegion = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            byRegion.add(new ArrayList<>());
        }
        for (int v = mayIntroduce.nextSetBit(0); v >= 0; v = mayIntroduce.nextSetBit(v + 1)) {
            if (regionOf[v] >= 0 && reach.isReachable(v)) {
                byRegion.get(regionOf[v]).add(v);
            }
        }
        // Keep enough spares for a contact's own neighbours, which are skipped.
        int keep = options.regionalCandidates() * 4;
        int[][] result = new int[regions][];
        for (int r = 0; r < regions; r++) {
            List<Integer> list = byRegion.get(r);
            list.sort(Comparator.comparingInt((Integer v) -> reach.hops(v)).thenComparingInt(v -> v));
            result[r] = list.stream().limit(keep).mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /** BFS from {@code u} up to {@code depth} hops; marks distances, returns the vertices found. */
    private int[] localSearch(int u, int depth) {
        stamp++;
        List<Integer> found = new ArrayList<>();
        found.add(u);
        localStamp[u] = stamp;
        localDistance[u] = 0;
        for (int head = 0; head < found.size(); head++) {
            int x = found.get(head);
            if (localDistance[x] == depth) {
                continue;
            }
            for (int s = graph.offset(x), end = graph.offsetEnd(x); s < end; s++) {
                int w = graph.target(s);
                if (localStamp[w] != stamp) {
                    localStamp[w] = stamp;
                    localDistance[w] = localDistance[x] + 1;
                    found.add(w);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<Integer> candidatesOf(int u, int[] nearby, int[][] regional) {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (int v : nearby) {
            int d = localDistance[v];
            if (d >= 2 && d <= options.maxIntroductionHops() && mayIntroduce.get(v)
                    && reach.isReachable(v)) {
                candidates.add(v);
            }
        }
        if (regionOf != null && regionOf[u] >= 0 && regionOf[u] < regional.length) {
            int taken = 0;
            for (int v : regional[regionOf[u]]) {
                if (taken == options.regionalCandidates()) {
                    break;
                }
                if (v != u && !graph.hasEdge(u, v)) {
                    candidates.add(v);
                    taken++;
                }
            }
        }
        return new ArrayList<>(candidates);
    }

    private List<Integer> atRiskInComponent(int u) {
        List<Integer> gain = new ArrayList<>();
        for (int x : reach.components().get(reach.componentOf(u)).vertices()) {
            if (atRisk.get(x)) {
                gain.add(x);
            }
        }
        return gain;
    }

    private List<Integer> commonNeighbours(int u, int v) {
        List<Integer> common = new ArrayList<>();
        int i = graph.offset(u);
        int j = graph.offset(v);
        // Neighbour slices are sorted: a merge finds the shared ones in O(deg u + deg v).
        while (i < graph.offsetEnd(u) && j < graph.offsetEnd(v) && common.size() < MAX_INTRODUCERS) {
            int a = graph.target(i);
            int b = graph.target(j);
            if (a == b) {
                common.add(a);
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    /** The ranked suggestions, at most {@link Options#maxSuggestions()}. */
    public List<Suggestion> suggestions() {
        return suggestions;
    }
}
