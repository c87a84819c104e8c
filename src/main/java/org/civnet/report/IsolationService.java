package org.civnet.report;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.civnet.analysis.centrality.CentralityMetric;
import org.civnet.analysis.isolation.GroupIsolation;
import org.civnet.analysis.isolation.IsolationAnalysis;
import org.civnet.analysis.isolation.MandateReach;
import org.civnet.analysis.isolation.Resilience;
import org.civnet.analysis.isolation.SuggestedTies;
import org.civnet.analysis.isolation.WeakPoints;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.analysis.cost.CostModel;
import org.civnet.gate.AnalysisGate;
import org.civnet.gate.Estimate;
import org.civnet.gate.Estimates;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Service;

/**
 * Isolated groups at risk: which groups hang by a thread, the parts of the network no mandate
 * reaches, the people and ties whose loss would cut at-risk contacts off, how many independent
 * routes each at-risk contact has, and which new introductions would help most.
 */
@Service
public class IsolationService {

    @io.swagger.v3.oas.annotations.media.Schema(name = "IsolationBroker")
    public record Broker(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, int membersCutOff, boolean member) {
    }

    public record Group(@Sensitivity(SAFE) String name, int size, int atRiskMembers, boolean atRisk, int internalTies, int externalTies,
                        Double eiIndex, int unreachableMembers, double unreachableShare, Double medianHops,
                        Integer maxHops, int singlePointMembers, double singlePointShare, List<Broker> brokers,
                        double score, @Sensitivity(SAFE) String explanation, @Sensitivity(SAFE) Map<String, Double> scoreTerms) {
    }

    public record Unreached(int size, List<Count> regions, List<Count> themes, @Sensitivity(SAFE) List<String> members) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "IsolationCount")
    public record Count(@Sensitivity(SAFE) String value, int count) {
    }

    public record CutVertex(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, boolean mandate, int atRiskCutOff, int verticesCutOff) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "IsolationBridge")
    public record Bridge(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String to, int atRiskCutOff, int verticesCutOff) {
    }

    public record AtRiskContact(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, int routes) {
    }

    public record Routes(int none, int one, int twoOrMore, List<AtRiskContact> fragile) {
    }

    public record Suggestion(@Sensitivity(SAFE) String contact, @Sensitivity(SAFE) String candidate, int routesBefore, int routesAfter, int beneficiaries,
                             @Sensitivity(SAFE) List<String> introducers, int candidateHopsToMandate) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "IsolationReport")
    public record Report(@Sensitivity(SAFE) String scope, long graphVersion, @Sensitivity(SAFE) String groupBy, SnapshotInfo snapshot, @Sensitivity(SAFE) String scoreDefinition,
                         List<Group> groups, List<Unreached> unreached, List<CutVertex> cutVertices,
                         List<Bridge> bridges, Routes routes, List<Suggestion> suggestedTies) {
    }

    public record Reach(int reachable, int vertices, double share) {
    }

    public record GroupChange(@Sensitivity(SAFE) String name, int membersBefore, double unreachableShareBefore, int membersAfter,
                              double unreachableShareAfter, int membersCutOff, boolean isolatedAfter) {
    }

    public record ResilienceReport(@Sensitivity(SAFE) String scope, long graphVersion, @Sensitivity(SAFE) List<String> removed, Reach before, Reach after,
                                   @Sensitivity(SAFE) List<String> lostAllPaths, @Sensitivity(SAFE) List<String> atRiskLostAllPaths, List<GroupChange> groups,
                                   List<Suggestion> suggestedTies) {
    }

    static final String SCORE_DEFINITION = "isolation = 0.4 × share of members with no path to any mandate "
            + "+ 0.2 × (1 + E-I index)/2 inverted (inward-looking groups score higher) "
            + "+ 0.2 × min(1, median hops to the nearest mandate / 4) "
            + "+ 0.2 × share of members whom one person or one tie could cut off";

    private final SnapshotCache snapshots;
    private final CentralityService centrality;
    private final AnalysisGate gate;
    private final Estimates estimates;

    public IsolationService(SnapshotCache snapshots, CentralityService centrality, AnalysisGate gate, Estimates estimates) {
        this.snapshots = snapshots;
        this.centrality = centrality;
        this.gate = gate;
        this.estimates = estimates;
    }

    /** What the isolation report would need ({@code estimate=true}), nothing run. */
    public Estimate estimate(AnalysisScope scope) {
        return estimates.estimate("isolation on " + scope.describe(), (n, m, threads) -> CostModel.isolation(n, m));
    }

    /** What a resilience run would need: isolation twice, plus betweenness when removing the top by it. */
    public Estimate resilienceEstimate(AnalysisScope scope, boolean removeTopByBetweenness) {
        return estimates.estimate("resilience on " + scope.describe(), (n, m, threads) -> resilienceCost(n, m, threads,
                removeTopByBetweenness));
    }

    private static CostModel.Cost resilienceCost(long n, long m, int threads, boolean betweenness) {
        CostModel.Cost isolation = CostModel.isolation(n, m);
        CostModel.Cost base = isolation.plus(new CostModel.Cost(0, isolation.seconds()));
        return betweenness ? base.plus(CostModel.betweenness(n, m, threads, n, false)) : base;
    }

    private <T> T gated(String what, Object params, long graphVersion, CostModel.Cost cost,
                        java.util.function.Supplier<T> work) {
        return gate.run(new AnalysisGate.Work(what, params, graphVersion, cost), work);
    }

    private record Prepared(SnapshotCache.Lookup lookup, NetworkSnapshot snapshot, Grouping grouping,
                            IsolationAnalysis.Input input) {
    }

    private static Prepared prepare(SnapshotCache.Lookup lookup, String groupBy, java.util.Set<String> hidden) {
        Grouping grouping = Grouping.of(lookup.snapshot(), groupBy, hidden);
        return new Prepared(lookup, lookup.snapshot(), grouping, inputFor(lookup.snapshot(), grouping));
    }

    /**
     * The isolation analysis' input for a snapshot: mandates are the destinations, at-risk contacts
     * those with risk ELEVATED or HIGH, and only people whose consent to introduce is current today and who are not at risk may be
     * suggested for a new introduction.
     */
    public static IsolationAnalysis.Input inputFor(NetworkSnapshot s, Grouping grouping) {
        int n = s.vertexCount();
        BitSet mandates = new BitSet(n);
        BitSet atRisk = new BitSet(n);
        BitSet mayIntroduce = new BitSet(n);
        int[] regionOf = new int[n];
        long today = java.time.LocalDate.now().toEpochDay();
        for (int v = 0; v < n; v++) {
            if (s.label(v) == NodeLabel.Mandate) {
                mandates.set(v);
            }
            if (s.label(v) == NodeLabel.Contact && s.atRisk(v)) {
                atRisk.set(v);
            }
            if (s.consents(v, org.civnet.domain.ConsentPurpose.INTRODUCE, today) && !s.atRisk(v)) {
                mayIntroduce.set(v);
            }
            regionOf[v] = s.region(v) == null ? -1 : s.region(v).ordinal();
        }
        return new IsolationAnalysis.Input(mandates, atRisk, grouping.members(), mayIntroduce, regionOf);
    }

    /** {@code hidden}: people whose withheld attributes (country) must not place them in a group for this role. */
    public Report report(AnalysisScope scope, String groupBy, int top, java.util.Set<String> hidden) {
        Object params = List.of("isolation", scope, groupBy, top, java.util.Set.copyOf(hidden));
        gate.refuseIfFull("isolation", params);
        SnapshotCache.Lookup lookup = snapshots.get(scope);
        NetworkSnapshot snapshot = lookup.snapshot();
        return gated("isolation", params, snapshot.graphVersion(),
                CostModel.isolation(snapshot.vertexCount(), snapshot.graph().edgeCount()),
                () -> isolation(scope, lookup, groupBy, top, hidden));
    }

    private Report isolation(AnalysisScope scope, SnapshotCache.Lookup lookup, String groupBy, int top,
                             java.util.Set<String> hidden) {
        Prepared p = prepare(lookup, groupBy, hidden);
        long started = System.nanoTime();
        NetworkSnapshot s = p.snapshot();
        IsolationAnalysis.Report r = IsolationAnalysis.run(s.graph(), p.input(), IsolationAnalysis.Options.DEFAULTS);
        List<Group> groups = r.groups().ranking().stream().limit(top).map(g -> group(s, p.grouping(), g)).toList();
        List<Unreached> unreached = r.reach().unreached().stream().limit(top).map(c -> unreached(s, c.vertices())).toList();
        List<CutVertex> cuts = r.weakPoints().critical().stream().limit(top)
                .map(c -> new CutVertex(s.id(c.vertex()), s.name(c.vertex()), c.mandate(), c.atRiskCutOff(), c.verticesCutOff()))
                .toList();
        List<Bridge> bridges = r.weakPoints().criticalBridges().stream().limit(top)
                .map(b -> new Bridge(s.id(b.u()), s.id(b.v()), b.atRiskCutOff(), b.verticesCutOff())).toList();
        List<AtRiskContact> fragile = r.routes().fragile().stream().limit(top)
                .map(v -> new AtRiskContact(s.id(v), s.name(v), r.routes().routes(v))).toList();
        Routes routes = new Routes(r.routes().count(0), r.routes().count(1), r.routes().count(2), fragile);
        List<Suggestion> ties = suggestions(s, r.ties(), top);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Report(scope.describe(), s.graphVersion(), p.grouping().by(), SnapshotInfo.of(p.lookup(), millis),
                SCORE_DEFINITION, groups, unreached, cuts, bridges, routes, ties);
    }

    /**
     * What if these people were lost (arrested, withdrawn, moved on)? {@code hidden}: people this role
     * sees only as pseudonyms (their withheld country places them in no group); {@code unnameable}: those
     * of them this request did not name by pseudonym, whose id answers as an unknown id, so the answer
     * cannot confirm who an id is.
     */
    public ResilienceReport resilience(AnalysisScope scope, String groupBy, List<String> remove, Integer removeTop,
                                       String metric, java.util.Set<String> hidden, java.util.Set<String> unnameable) {
        Object params = java.util.Arrays.asList("resilience", scope, groupBy, remove, removeTop, metric,
                java.util.Set.copyOf(hidden), java.util.Set.copyOf(unnameable));
        gate.refuseIfFull("resilience", params);
        SnapshotCache.Lookup lookup = snapshots.get(scope);
        NetworkSnapshot snapshot = lookup.snapshot();
        boolean byBetweenness = removeTop != null && (metric == null || "betweenness".equalsIgnoreCase(metric));
        CostModel.Cost cost = resilienceCost(snapshot.vertexCount(), snapshot.graph().edgeCount(), gate.threads(),
                byBetweenness);
        return gated("resilience", params, snapshot.graphVersion(), cost, () -> resilience(scope, lookup, groupBy, remove, removeTop, metric, hidden, unnameable));
    }

    private ResilienceReport resilience(AnalysisScope scope, SnapshotCache.Lookup lookup, String groupBy,
                                        List<String> remove, Integer removeTop, String metric,
                                        java.util.Set<String> hidden, java.util.Set<String> unnameable) {
        Prepared p = prepare(lookup, groupBy, hidden);
        NetworkSnapshot s = p.snapshot();
        BitSet removed = new BitSet(s.vertexCount());
        if (remove != null) {
            for (String id : remove) {
                int v = s.indexOf(id);
                if (v < 0 || unnameable.contains(id)) {
                    throw new org.civnet.domain.NotFoundException("node in this scope", id);
                }
                removed.set(v);
            }
        }
        if (removeTop != null) {
            if (removeTop < 1 || removeTop > 1000) {
                throw new InvalidInputException("removeTop", "must be between 1 and 1000");
            }
            CentralityMetric m = CentralityService.metric(metric == null ? "betweenness" : metric);
            double[] scores = centrality.scores(s, new CentralityService.Request(m, 1, true, false, null, 42, null, null));
            java.util.stream.IntStream.range(0, s.vertexCount()).boxed()
                    .filter(v -> s.label(v) != NodeLabel.Mandate)
                    .sorted(java.util.Comparator.<Integer>comparingDouble(v -> -scores[v]).thenComparing(s::id))
                    .limit(removeTop).forEach(removed::set);
        }
        if (removed.isEmpty()) {
            throw new InvalidInputException("remove", "name the ids to remove, or removeTop with a metric");
        }
        MandateReach reach = new MandateReach(s.graph(), p.input().mandates());
        Resilience resilience = new Resilience(reach, removed, p.input().atRisk(), p.grouping().members());
        List<GroupChange> changes = resilience.groupChanges().stream()
                .filter(c -> c.membersCutOff() > 0 || c.isolatedAfter())
                .map(c -> new GroupChange(p.grouping().names().get(c.group()), c.membersBefore(), c.unreachableShareBefore(),
                        c.membersAfter(), c.unreachableShareAfter(), c.membersCutOff(), c.isolatedAfter()))
                .toList();
        IsolationAnalysis.Report current = IsolationAnalysis.run(s.graph(), p.input(), IsolationAnalysis.Options.DEFAULTS);
        return new ResilienceReport(scope.describe(), s.graphVersion(),
                removed.stream().mapToObj(s::id).sorted().toList(),
                reach(resilience.before()), reach(resilience.after()),
                resilience.lostAllPaths().stream().map(s::id).sorted().toList(),
                resilience.atRiskLostAllPaths().stream().map(s::id).sorted().toList(), changes,
                suggestions(s, current.ties(), 20));
    }

    private static Reach reach(Resilience.Reachability r) {
        return new Reach(r.reachable(), r.vertices(), r.share());
    }

    private static List<Suggestion> suggestions(NetworkSnapshot s, SuggestedTies ties, int top) {
        return ties.suggestions().stream().limit(top)
                .map(t -> new Suggestion(s.id(t.contact()), s.id(t.candidate()), t.routesBefore(), t.routesAfter(),
                        t.beneficiaries(), t.commonNeighbours().stream().map(s::id).toList(), t.candidateHops()))
                .toList();
    }

    private static Group group(NetworkSnapshot s, Grouping grouping, GroupIsolation.GroupReport g) {
        Map<String, Double> terms = new java.util.LinkedHashMap<>();
        for (GroupIsolation.Term term : g.explanation().terms()) {
            terms.put(term.factor().name().toLowerCase(Locale.ROOT), term.contribution());
        }
        List<Broker> brokers = g.brokers().stream()
                .map(b -> new Broker(s.id(b.vertex()), s.name(b.vertex()), b.membersCutOff(), b.member())).toList();
        return new Group(grouping.names().get(g.group()), g.size(), g.atRiskMembers(), g.atRisk(), g.internalTies(),
                g.externalTies(), CentralityService.finite(g.eiIndex()), g.unreachableMembers(), g.unreachableShare(),
                g.medianHops() < 0 ? null : g.medianHops(), g.maxHops() < 0 ? null : g.maxHops(),
                g.singlePointMembers(), g.singlePointShare(), brokers, g.score(), explain(g), terms);
    }

    /** A sentence naming the strongest reason for the score. */
    static String explain(GroupIsolation.GroupReport g) {
        if (g.explanation().dominant() == null) {
            return "well connected: every member reaches a mandate by several routes";
        }
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * g.unreachableShare());
        return switch (g.explanation().dominant()) {
            case UNREACHABLE -> pct + " of its " + g.size() + " members have no path to any mandate";
            case INWARD -> "inward-looking: " + g.internalTies() + " ties inside against " + g.externalTies()
                    + " outside (E-I " + String.format(Locale.ROOT, "%.2f", g.eiIndex()) + ")";
            case DISTANCE -> "far from the mechanisms: median " + (g.medianHops() < 0 ? "∞" : String.format(Locale.ROOT,
                    "%.1f", g.medianHops())) + " hops to the nearest mandate";
            case SINGLE_POINT -> g.singlePointMembers() + " of its " + g.size()
                    + " members could be cut off by the loss of one person or one tie";
        };
    }

    private static Unreached unreached(NetworkSnapshot s, List<Integer> vertices) {
        Map<String, Integer> regions = new TreeMap<>();
        Map<String, Integer> themes = new TreeMap<>();
        for (int v : vertices) {
            if (s.region(v) != null) {
                regions.merge(s.region(v).name(), 1, Integer::sum);
            }
            for (String t : s.themes(v)) {
                themes.merge(t, 1, Integer::sum);
            }
        }
        return new Unreached(vertices.size(), counts(regions), counts(themes),
                vertices.stream().limit(100).map(s::id).toList());
    }

    private static List<Count> counts(Map<String, Integer> map) {
        List<Count> out = new ArrayList<>();
        map.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.add(new Count(e.getKey(), e.getValue())));
        return out;
    }
}
