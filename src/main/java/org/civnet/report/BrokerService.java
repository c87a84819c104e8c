package org.civnet.report;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civnet.analysis.brokerage.BrokerScore;
import org.civnet.analysis.brokerage.Brokerage;
import org.civnet.analysis.brokerage.BrokerageRole;
import org.civnet.analysis.brokerage.StructuralHoles;
import org.civnet.analysis.centrality.CentralityMetric;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Service;

/**
 * Who brokers: betweenness, Burt's structural holes and Gould–Fernandez roles for a grouping,
 * combined into the documented broker score ({@link BrokerScore}), each with a sentence saying why.
 */
@Service
public class BrokerService {

    @io.swagger.v3.oas.annotations.media.Schema(name = "BrokerageRoleCount")
    public record Role(long count, Double expected, Double zScore) {
    }

    public record Broker(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String label, @Sensitivity(SAFE) String kind, @org.civnet.domain.QuasiIdentifier @Sensitivity(SAFE) String region, @org.civnet.domain.QuasiIdentifier double score,
                         @org.civnet.domain.QuasiIdentifier Double betweenness, @org.civnet.domain.QuasiIdentifier Double constraint, @org.civnet.domain.QuasiIdentifier Double effectiveSize, @org.civnet.domain.QuasiIdentifier @Sensitivity(SAFE) Map<BrokerageRole, Role> roles,
                         @org.civnet.domain.QuasiIdentifier @Sensitivity(SAFE) String why) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "BrokerReport")
    public record Report(@Sensitivity(SAFE) String scope, long graphVersion, @Sensitivity(SAFE) String groupBy, boolean weighted, @Sensitivity(SAFE) String scoreDefinition,
                         SnapshotInfo snapshot, List<Broker> brokers) {
    }

    static final String SCORE_DEFINITION = "score = (betweenness / max betweenness + clamp(1 - Burt's constraint, 0, 1) "
            + "+ open two-paths brokered / max) / 3; each part in [0, 1]";

    private final SnapshotCache snapshots;
    private final CentralityService centrality;

    public BrokerService(SnapshotCache snapshots, CentralityService centrality) {
        this.snapshots = snapshots;
        this.centrality = centrality;
    }

    /** {@code hidden}: people whose withheld attributes (country) must not place them in a group for this role. */
    public Report report(AnalysisScope scope, String groupBy, int top, boolean weighted, java.util.Set<String> hidden) {
        SnapshotCache.Lookup lookup = snapshots.get(scope);
        NetworkSnapshot snapshot = lookup.snapshot();
        long started = System.nanoTime();
        Grouping grouping = Grouping.of(snapshot, groupBy, hidden);
        double[] betweenness = centrality.scores(snapshot, new CentralityService.Request(CentralityMetric.BETWEENNESS,
                1, true, weighted, null, 42, null, null));
        double[] constraint = StructuralHoles.constraint(snapshot.graph(), weighted);
        double[] effectiveSize = StructuralHoles.effectiveSize(snapshot.graph(), weighted);
        Brokerage brokerage = new Brokerage(snapshot.graph(), grouping.groupOf());
        List<BrokerScore> ranked = BrokerScore.rank(betweenness, constraint, brokerage);
        List<Broker> brokers = new ArrayList<>();
        for (BrokerScore b : ranked.subList(0, Math.min(top, ranked.size()))) {
            int v = b.vertex();
            Map<BrokerageRole, Role> roles = new EnumMap<>(BrokerageRole.class);
            for (BrokerageRole role : BrokerageRole.values()) {
                Brokerage.RoleStatistic statistic = brokerage.statistic(v, role);
                roles.put(role, new Role(statistic.observed(), CentralityService.finite(statistic.expected()),
                        CentralityService.finite(statistic.zScore())));
            }
            NodeRef ref = NodeRef.of(snapshot, v);
            brokers.add(new Broker(ref.id(), ref.name(), ref.label().name(), ref.kind(),
                    ref.region() == null ? null : ref.region().name(), b.score(),
                    CentralityService.finite(betweenness[v]), CentralityService.finite(constraint[v]),
                    CentralityService.finite(effectiveSize[v]), roles, why(b, grouping)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Report(scope.describe(), snapshot.graphVersion(), grouping.by(), weighted, SCORE_DEFINITION,
                SnapshotInfo.of(lookup, millis), brokers);
    }

    /** "gatekeeper for 14 paths from ENACA into AFRICA", or why the vertex scores without brokering. */
    static String why(BrokerScore b, Grouping grouping) {
        Brokerage.RoleFlow reason = b.reason();
        if (reason == null) {
            return "brokers no open two-path; its score comes from betweenness " + String.format(Locale.ROOT, "%.3f",
                    b.betweenness());
        }
        String role = reason.role().name().toLowerCase(Locale.ROOT);
        String from = grouping.names().get(reason.fromGroup());
        String to = grouping.names().get(reason.toGroup());
        String where = reason.fromGroup() == reason.toGroup() ? "within " + from : "from " + from + " into " + to;
        return role + " for " + reason.count() + " paths " + where + " (" + b.brokerage() + " open two-paths in all)";
    }
}
