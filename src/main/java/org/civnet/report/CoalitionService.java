package org.civnet.report;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civnet.analysis.community.CommunityAlgorithm;
import org.civnet.analysis.community.CommunityCohesion;
import org.civnet.analysis.community.CommunityDetection;
import org.civnet.analysis.community.CommunityOptions;
import org.civnet.analysis.community.CommunityTracker;
import org.civnet.analysis.community.Partition;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;
import org.civnet.analysis.cost.CostModel;
import org.civnet.gate.AnalysisGate;
import org.civnet.gate.Estimate;
import org.civnet.gate.Estimates;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Service;
import org.civnet.snapshot.ResultCache;

/**
 * Coalitions: communities of the scope (Leiden by default), each described by what holds it
 * together (its core organisations, themes, regions, mandates, density) and who bridges it to
 * others.
 *
 * <p>Coalition numbers are stable identities: each computation is matched with the previous one of
 * the same scope, algorithm and options ({@link CommunityTracker}, kept by {@link CoalitionNumbers}),
 * so a coalition that is the same group keeps its number across writes; a new, split or (evenly)
 * merged group gets a number never used before in that scope. The first computation numbers by size
 * (0 the largest). Each coalition says how it relates to the previous computation ({@code change},
 * {@code from}); the report names the graph version it was compared with. Deterministic: the same
 * graph, scope, seed and previous numbering give the same numbers.
 */
@Service
public class CoalitionService {

    public record Member(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, int internalDegree) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CoalitionCount")
    public record Count(@Sensitivity(SAFE) String value, int count) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CoalitionBridge")
    public record Bridge(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, int externalTies, List<Integer> joins) {
    }

    /**
     * @param id         the coalition's stable number
     * @param change     {@code continued}, {@code new}, {@code merged} or {@code split}, relative to the
     *                   computation at {@link Report#comparedWithGraphVersion()} ({@code new} when none)
     * @param from       the previous numbers it continues, merged or split from (empty when new)
     * @param similarity the largest Jaccard similarity of its members with a previous coalition
     *                   (members present in both computations only); 0 when new
     */
    public record Coalition(int id, @Sensitivity(SAFE) String change, List<Integer> from, double similarity, int size, @Sensitivity(SAFE) List<String> members, @Sensitivity(SAFE) Map<String, Integer> membersByKind,
                            List<Member> core, List<Count> themes, List<Count> regions, @Sensitivity(SAFE) List<String> mandates,
                            double density, List<Bridge> bridges) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CoalitionLink")
    public record Link(int a, int b, int ties) {
    }

    /**
     * @param comparedWithGraphVersion the graph version of the computation the numbers were matched
     *                                 with (null: none, every coalition is new)
     * @param ended                    numbers of that computation no coalition carries any more
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CoalitionReport")
    public record Report(@Sensitivity(SAFE) String algorithm, long seed, double resolution, boolean weighted, double modularity,
                         @Sensitivity(SAFE) String scope, long graphVersion, Long comparedWithGraphVersion,
                         List<Integer> ended, SnapshotInfo snapshot, List<Coalition> coalitions, List<Link> links) {
    }

    private final SnapshotCache snapshots;
    private final ResultCache results;
    private final CoalitionNumbers numbers;
    private final AnalysisGate gate;
    private final Estimates estimates;

    CoalitionService(SnapshotCache snapshots, ResultCache results, CoalitionNumbers numbers, AnalysisGate gate,
                     Estimates estimates) {
        this.snapshots = snapshots;
        this.results = results;
        this.numbers = numbers;
        this.gate = gate;
        this.estimates = estimates;
    }

    /** What the report would need ({@code estimate=true}), nothing run. */
    public Estimate estimate(AnalysisScope scope, CommunityAlgorithm algorithm) {
        return estimates.estimate(algorithm.name().toLowerCase(Locale.ROOT) + " on " + scope.describe(),
                (n, m, threads) -> CostModel.communities(n, m));
    }

    public static CommunityAlgorithm algorithm(String name) {
        try {
            return CommunityAlgorithm.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("algorithm", "must be one of leiden, louvain, label_propagation");
        }
    }

    public Report report(AnalysisScope scope, CommunityAlgorithm algorithm, double resolution, long seed, boolean weighted) {
        if (!(resolution >= 0) || resolution > 100) {
            throw new InvalidInputException("resolution", "must be between 0 and 100");
        }
        String name = algorithm.name().toLowerCase(Locale.ROOT);
        Object params = List.of("coalition-report", scope, algorithm, resolution, seed, weighted);
        gate.refuseIfFull(name, params);
        SnapshotCache.Lookup lookup = snapshots.get(scope);
        NetworkSnapshot snapshot = lookup.snapshot();
        CostModel.Cost cost = CostModel.communities(snapshot.vertexCount(), snapshot.graph().edgeCount());
        return gate.run(new AnalysisGate.Work(name, params, snapshot.graphVersion(), cost),
                () -> compute(scope, lookup, algorithm, resolution, seed, weighted));
    }

    private Report compute(AnalysisScope scope, SnapshotCache.Lookup lookup, CommunityAlgorithm algorithm,
                           double resolution, long seed, boolean weighted) {
        NetworkSnapshot snapshot = lookup.snapshot();
        long started = System.nanoTime();
        CommunityOptions options = CommunityOptions.defaults().withResolution(resolution).withSeed(seed).withWeighted(weighted);
        Partition partition = partition(snapshot, algorithm, options);
        CommunityCohesion cohesion = new CommunityCohesion(snapshot.graph(), partition);
        int[][] members = partition.members();
        String key = algorithm.name().toLowerCase(Locale.ROOT) + " resolution=" + resolution + " seed=" + seed
                + " weighted=" + weighted + " " + scope.describe();
        CoalitionNumbers.Result numbering = results.get(List.of("coalition-numbers", snapshot.graphVersion(), key),
                () -> numbers.number(key, snapshot.graphVersion(), memberIds(snapshot, members)));
        int[] number = numbering.tracker().numbers();
        List<Coalition> coalitions = new ArrayList<>();
        for (CommunityCohesion.CommunityProfile profile : cohesion.communities()) {
            coalitions.add(describe(snapshot, cohesion, profile, members[profile.community()],
                    numbering.tracker().tracked(profile.community()), number));
        }
        coalitions.sort(Comparator.comparingInt(Coalition::id));
        List<Link> links = cohesion.links().stream()
                .map(l -> new Link(Math.min(number[l.communityA()], number[l.communityB()]),
                        Math.max(number[l.communityA()], number[l.communityB()]), l.edges()))
                .sorted(Comparator.comparingInt(Link::a).thenComparingInt(Link::b))
                .toList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Report(algorithm.name().toLowerCase(Locale.ROOT), seed, resolution, weighted, partition.modularity(),
                scope.describe(), snapshot.graphVersion(), numbering.comparedWith(), numbering.tracker().ended(),
                SnapshotInfo.of(lookup, millis), coalitions, links);
    }

    /** The ids of each community's members, for matching with the previous computation (ids outlive vertex indices). */
    private static List<List<String>> memberIds(NetworkSnapshot snapshot, int[][] members) {
        List<List<String>> ids = new ArrayList<>(members.length);
        for (int[] community : members) {
            List<String> list = new ArrayList<>(community.length);
            for (int v : community) {
                list.add(snapshot.id(v));
            }
            ids.add(list);
        }
        return ids;
    }

    /** The partition of a snapshot, cached per (graph version, scope, algorithm, options). */
    public Partition partition(NetworkSnapshot snapshot, CommunityAlgorithm algorithm, CommunityOptions options) {
        CommunityOptions used = optionsFor(algorithm, options);
        return results.get(List.of("coalitions", snapshot.graphVersion(), snapshot.scope(), algorithm, used),
                () -> CommunityDetection.detect(snapshot.graph(), algorithm, used));
    }

    /**
     * Leiden runs at most this many times, each from the previous result (leidenalg's and igraph's
     * default): running until a run changes nothing took 3.7 s instead of 0.6 s at 100,000 contacts
     * and 157 s instead of 9.8 s at a million, for less than 0.001 of modularity
     * (docs/BENCHMARKS.md, issue 18 part 6).
     */
    static final int LEIDEN_RUNS = 2;

    /** The options an algorithm runs with: Leiden's runs capped at {@link #LEIDEN_RUNS}, the others as given. */
    static CommunityOptions optionsFor(CommunityAlgorithm algorithm, CommunityOptions options) {
        return algorithm == CommunityAlgorithm.LEIDEN
                ? options.withMaxIterations(Math.min(options.maxIterations(), LEIDEN_RUNS)) : options;
    }

    private static Coalition describe(NetworkSnapshot s, CommunityCohesion cohesion,
                                      CommunityCohesion.CommunityProfile profile, int[] vertices,
                                      CommunityTracker.Tracked tracked, int[] number) {
        CsrGraph graph = s.graph();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> themes = new TreeMap<>();
        Map<String, Integer> regions = new TreeMap<>();
        TreeSet<String> mandates = new TreeSet<>();
        List<String> ids = new ArrayList<>(vertices.length);
        for (int v : vertices) {
            ids.add(s.id(v));
            byKind.merge(s.label(v).name(), 1, Integer::sum);
            for (String theme : s.themes(v)) {
                themes.merge(theme, 1, Integer::sum);
            }
            if (s.region(v) != null) {
                regions.merge(s.region(v).name(), 1, Integer::sum);
            }
            if (s.label(v) == NodeLabel.Mandate) {
                mandates.add(s.id(v));
            }
            for (int slot = graph.offset(v); slot < graph.offsetEnd(v); slot++) {
                int w = graph.target(slot);
                if (s.label(w) == NodeLabel.Mandate && s.edgeType(graph.edgeId(slot)) == TieType.PARTNERS_WITH) {
                    mandates.add(s.id(w));
                }
            }
        }
        // The core: organisations with the most ties inside the coalition (any actor if it has none).
        boolean hasOrganisations = byKind.containsKey(NodeLabel.Organisation.name());
        List<Member> core = java.util.Arrays.stream(vertices).boxed()
                .filter(v -> !hasOrganisations || s.label(v) == NodeLabel.Organisation)
                .sorted(Comparator.<Integer>comparingInt(v -> -cohesion.vertex(v).internalDegree()).thenComparing(s::id))
                .limit(5)
                .map(v -> new Member(s.id(v), s.name(v), cohesion.vertex(v).internalDegree()))
                .toList();
        List<Bridge> bridges = cohesion.bridges(profile.community(), 5).stream()
                .map(t -> new Bridge(s.id(t.vertex()), s.name(t.vertex()), t.externalDegree(),
                        java.util.Arrays.stream(t.linkedCommunities()).map(c -> number[c]).sorted().boxed().toList()))
                .toList();
        return new Coalition(tracked.number(), tracked.change().name().toLowerCase(Locale.ROOT), tracked.from(),
                tracked.similarity(), profile.size(), ids, byKind, core, top(themes), top(regions),
                List.copyOf(mandates), profile.density(), bridges);
    }

    private static List<Count> top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
