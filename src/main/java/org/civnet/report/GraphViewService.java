package org.civnet.report;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.List;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Service;

/** The scope's vertices and ties as plain lists, for the map page and notebooks. */
@Service
public class GraphViewService {

    public record Node(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String label, @Sensitivity(SAFE) String kind, @org.civnet.domain.QuasiIdentifier @Sensitivity(SAFE) String region, @Sensitivity(SAFE) List<String> themes,
                       @Sensitivity(SAFE) String riskLevel) {
    }

    public record Edge(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String to, @Sensitivity(SAFE) String type, Integer trust) {
    }

    public record View(long graphVersion, @Sensitivity(SAFE) String scope, SnapshotInfo snapshot, List<Node> nodes, List<Edge> edges) {
    }

    private final SnapshotCache snapshots;

    public GraphViewService(SnapshotCache snapshots) {
        this.snapshots = snapshots;
    }

    public View view(AnalysisScope scope) {
        SnapshotCache.Lookup lookup = snapshots.get(scope);
        NetworkSnapshot s = lookup.snapshot();
        List<Node> nodes = new ArrayList<>(s.vertexCount());
        for (int v = 0; v < s.vertexCount(); v++) {
            nodes.add(new Node(s.id(v), s.name(v), s.label(v).name(), s.subtype(v),
                    s.region(v) == null ? null : s.region(v).name(), List.of(s.themes(v)),
                    s.risk(v) == null ? null : s.risk(v).name()));
        }
        CsrGraph g = s.graph();
        List<Edge> edges = new ArrayList<>(g.edgeCount());
        for (int u = 0; u < s.vertexCount(); u++) {
            for (int slot = g.offset(u); slot < g.offsetEnd(u); slot++) {
                int v = g.target(slot);
                if (u < v) {
                    int e = g.edgeId(slot);
                    edges.add(new Edge(s.id(u), s.id(v), s.edgeType(e).name(), s.edgeTrust(e) == 0 ? null : s.edgeTrust(e)));
                }
            }
        }
        return new View(s.graphVersion(), scope.describe(), SnapshotInfo.of(lookup, 0), nodes, edges);
    }
}
