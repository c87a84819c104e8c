package org.civnet.snapshot;

import java.util.Arrays;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;

/**
 * An immutable, in-memory view of the graph for one scope at one graph version: vertices are
 * ints {@code 0..n-1} with attribute columns, ties are a {@link CsrGraph} (undirected, simple)
 * whose edge ids index the tie columns. Analyses read it; nothing writes it.
 *
 * <p>Edge weight (tie strength) is the KNOWS trust (1–5); ties without a trust level count as
 * {@value #DEFAULT_STRENGTH}, the middle of the scale.
 */
public final class NetworkSnapshot {

    /** Strength of a tie that carries no trust level (affiliations, partnerships, memberships). */
    public static final double DEFAULT_STRENGTH = 3.0;

    private final long graphVersion;
    private final AnalysisScope scope;
    private final String[] ids;
    private final NodeColumns nodes;
    private final CsrGraph graph;
    private final EdgeColumns edges;
    private final IdIndex index;
    /** For each edge, the tie of the graph data it was first built from (for {@link ScopedPatch}). */
    private final int[] firstTie;
    private final long buildMillis;
    private final int unreadableValues;

    private NetworkSnapshot(long graphVersion, AnalysisScope scope, String[] ids, IdIndex index, NodeColumns nodes,
                            CsrGraph graph, EdgeColumns edges, int[] firstTie, long buildMillis, int unreadableValues) {
        this.graphVersion = graphVersion;
        this.scope = scope;
        this.ids = ids;
        this.index = index;
        this.nodes = nodes;
        this.graph = graph;
        this.edges = edges;
        this.firstTie = firstTie;
        this.buildMillis = buildMillis;
        this.unreadableValues = unreadableValues;
    }

    /** Selects the scope's vertices and ties from the full graph data; O(n + m log d). */
    public static NetworkSnapshot of(GraphData data, AnalysisScope scope) {
        long started = System.nanoTime();
        int n = data.nodeCount();
        int[] newIndex = vertices(data, scope);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept = Math.max(kept, newIndex[i] + 1);
        }
        CsrGraph.Builder builder = CsrGraph.builder(kept);
        int m = data.tieCount();
        int[] keptTies = new int[m];
        int keptCount = 0;
        for (int e = 0; e < m; e++) {
            int a = newIndex[data.tieFrom()[e]];
            int b = newIndex[data.tieTo()[e]];
            if (a < 0 || b < 0 || a == b || !tieInScope(data, e, scope)) {
                continue;
            }
            builder.addEdge(a, b, strength(data, e));
            keptTies[keptCount++] = e;
        }
        CsrGraph graph = builder.build();
        // Edge ids follow first insertion among kept ties, skipping merged parallels: replay to map them.
        int[] firstTie = new int[graph.edgeCount()];
        java.util.Arrays.fill(firstTie, -1);
        for (int k = 0; k < keptCount; k++) {
            int e = keptTies[k];
            int id = graph.edgeId(graph.slotOf(newIndex[data.tieFrom()[e]], newIndex[data.tieTo()[e]]));
            if (firstTie[id] < 0) {
                firstTie[id] = e;
            }
        }
        return assemble(data, scope, newIndex, kept, graph, firstTie, started);
    }

    /** The scope's vertex of each node of {@code data} ({@code 0..}, in data order), or -1 when out of scope. */
    static int[] vertices(GraphData data, AnalysisScope scope) {
        int n = data.nodeCount();
        int[] newIndex = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            newIndex[i] = inScope(data, i, scope) ? kept++ : -1;
        }
        return newIndex;
    }

    /** How strongly a tie binds, as a CSR weight: its trust, or the default when it has none (always >= 1). */
    static double strength(GraphData data, int e) {
        int trust = data.tieTrust()[e];
        return trust > 0 ? trust : DEFAULT_STRENGTH;
    }

    /**
     * The snapshot from the vertex selection and the graph: node columns copied from {@code data}
     * through {@code newIndex}, edge columns from the tie each edge was first built from
     * ({@code firstTie}, a tie index of {@code data}). Shared by {@link #of} and {@link ScopedPatch}.
     */
    static NetworkSnapshot assemble(GraphData data, AnalysisScope scope, int[] newIndex, int kept, CsrGraph graph,
                                    int[] firstTie, long started) {
        int n = data.nodeCount();
        String[] ids = new String[kept];
        NodeColumns nodes = new NodeColumns(kept);
        for (int i = 0; i < n; i++) {
            int v = newIndex[i];
            if (v < 0) {
                continue;
            }
            ids[v] = data.ids()[i];
            nodes.read(data, i, v);
        }
        EdgeColumns edges = new EdgeColumns(graph.edgeCount());
        edges.read(data, firstTie, 0);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new NetworkSnapshot(data.graphVersion(), scope, ids, new IdIndex(ids), nodes, graph, edges, firstTie,
                millis, data.unreadableValues());
    }

    /**
     * For {@link ScopedPatch}, when {@code data} was patched in place from this snapshot's graph
     * version and every vertex kept its number: this snapshot's node columns with the
     * {@code rewritten} vertices (old or appended, ascending) read again from their {@code rows} of
     * {@code data}; this snapshot's edge columns without the removed edges ({@code edgeIds}) and
     * then the added edges' (ids from {@code edgeIds.keptCount()} on, first ties
     * {@code addedFirstTies}) read from {@code data}; the first ties of the kept edges renumbered as
     * the patch renumbered the ties ({@code tieIds}). Bulk copies, O(n + m), without a pass over the
     * rows or the ties of {@code data}.
     *
     * <p>Why a kept edge's columns are this snapshot's: a tie that changed touches a changed node,
     * whose edges are all removed and built again from the ties read back, so an edge between two
     * unchanged vertices is built from the same ties as before (and its first tie is still first:
     * the patch keeps the surviving ties' relative order).
     */
    NetworkSnapshot patchedInPlace(GraphData data, int vertexCount, int[] rewritten, int[] rows, CsrGraph graph,
                                   Renumbering edgeIds, Renumbering tieIds, int[] addedFirstTies, long started) {
        int oldN = ids.length;
        // Rewritten old vertices keep their ids: the ids column and its index are shared unless vertices were appended.
        String[] newIds = ids;
        IdIndex newIndex = index;
        if (vertexCount > oldN) {
            newIds = Arrays.copyOf(ids, vertexCount);
            for (int k = 0; k < rewritten.length; k++) {
                if (rewritten[k] >= oldN) {
                    newIds[rewritten[k]] = data.ids()[rows[k]];
                }
            }
            newIndex = index.withAppended(newIds);
        }
        NodeColumns newNodes = nodes.copyOf(vertexCount);
        for (int k = 0; k < rewritten.length; k++) {
            newNodes.read(data, rows[k], rewritten[k]);
        }
        int keptEdges = edgeIds.keptCount();
        int edgeCount = graph.edgeCount();
        int[] newFirstTie = new int[edgeCount];
        edgeIds.copyKept(firstTie, newFirstTie);
        tieIds.renumber(newFirstTie, 0, keptEdges);
        System.arraycopy(addedFirstTies, 0, newFirstTie, keptEdges, edgeCount - keptEdges);
        EdgeColumns newEdges = edges.keeping(edgeIds, edgeCount);
        newEdges.read(data, newFirstTie, keptEdges);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new NetworkSnapshot(data.graphVersion(), scope, newIds, newIndex, newNodes, graph, newEdges, newFirstTie,
                millis, data.unreadableValues());
    }

    /** The node columns other than the ids, one entry per vertex. */
    private static final class NodeColumns {
        final NodeLabel[] labels;
        final String[] names;
        final String[] subtypes;
        final String[] countries;
        final Region[] regions;
        final String[][] themes;
        final RiskLevel[] risks;
        final ConsentDays[] consent;
        final boolean[] confidential;
        final int[] createdDay;

        NodeColumns(int n) {
            this(new NodeLabel[n], new String[n], new String[n], new String[n], new Region[n], new String[n][],
                    new RiskLevel[n], new ConsentDays[n], new boolean[n], new int[n]);
        }

        private NodeColumns(NodeLabel[] labels, String[] names, String[] subtypes, String[] countries, Region[] regions,
                            String[][] themes, RiskLevel[] risks, ConsentDays[] consent, boolean[] confidential,
                            int[] createdDay) {
            this.labels = labels;
            this.names = names;
            this.subtypes = subtypes;
            this.countries = countries;
            this.regions = regions;
            this.themes = themes;
            this.risks = risks;
            this.consent = consent;
            this.confidential = confidential;
            this.createdDay = createdDay;
        }

        /** These columns, cut or extended to {@code n} vertices. */
        NodeColumns copyOf(int n) {
            return new NodeColumns(Arrays.copyOf(labels, n), Arrays.copyOf(names, n), Arrays.copyOf(subtypes, n),
                    Arrays.copyOf(countries, n), Arrays.copyOf(regions, n), Arrays.copyOf(themes, n),
                    Arrays.copyOf(risks, n), Arrays.copyOf(consent, n), Arrays.copyOf(confidential, n),
                    Arrays.copyOf(createdDay, n));
        }

        /** Vertex {@code v}'s values from row {@code i} of {@code data}. */
        void read(GraphData data, int i, int v) {
            labels[v] = data.labels()[i];
            names[v] = data.names()[i];
            subtypes[v] = data.subtypes()[i];
            countries[v] = data.countries()[i];
            regions[v] = data.regions()[i];
            themes[v] = data.themes()[i];
            risks[v] = data.risks()[i];
            consent[v] = data.consent()[i];
            confidential[v] = data.confidential()[i];
            createdDay[v] = data.createdDay()[i];
        }
    }

    /** The edge columns, one entry per edge id, each the value of the edge's first tie. */
    private static final class EdgeColumns {
        final TieType[] type;
        final int[] trust;
        final int[] since;
        final int[] lastContact;

        EdgeColumns(int m) {
            this(new TieType[m], new int[m], new int[m], new int[m]);
        }

        private EdgeColumns(TieType[] type, int[] trust, int[] since, int[] lastContact) {
            this.type = type;
            this.trust = trust;
            this.since = since;
            this.lastContact = lastContact;
        }

        /** These columns at the kept edge ids, moved to their new numbers, with room for {@code m} edges in all. */
        EdgeColumns keeping(Renumbering edgeIds, int m) {
            EdgeColumns out = new EdgeColumns(m);
            edgeIds.copyKept(type, out.type);
            edgeIds.copyKept(trust, out.trust);
            edgeIds.copyKept(since, out.since);
            edgeIds.copyKept(lastContact, out.lastContact);
            return out;
        }

        /** Edges {@code from..} read from {@code data} through their first ties. */
        void read(GraphData data, int[] firstTie, int from) {
            for (int id = from; id < type.length; id++) {
                int e = firstTie[id];
                type[id] = data.tieTypes()[e];
                trust[id] = data.tieTrust()[e];
                since[id] = data.tieSince()[e];
                lastContact[id] = data.tieLastContact()[e];
            }
        }
    }

    static boolean inScope(GraphData data, int i, AnalysisScope scope) {
        if (!scope.nodes().contains(data.labels()[i])) {
            return false;
        }
        if (scope.region() != null && data.regions()[i] != null && data.regions()[i] != scope.region()) {
            return false;
        }
        if (scope.theme() != null && data.themes()[i].length > 0 && !Arrays.asList(data.themes()[i]).contains(scope.theme())) {
            return false;
        }
        return true;
    }

    static boolean tieInScope(GraphData data, int e, AnalysisScope scope) {
        if (!scope.ties().contains(data.tieTypes()[e])) {
            return false;
        }
        if (scope.minTrust() != null && data.tieTrust()[e] > 0 && data.tieTrust()[e] < scope.minTrust()) {
            return false;
        }
        if (scope.since() != null) {
            int day = (int) scope.since().toEpochDay();
            int last = data.tieLastContact()[e];
            int since = data.tieSince()[e];
            boolean active = last != GraphData.NO_DATE ? last >= day : since != GraphData.NO_DATE && since >= day;
            if (!active) {
                return false;
            }
        }
        return true;
    }

    /** Rough heap size, for the cache's memory bound. */
    public long approximateBytes() {
        long n = ids.length;
        long m = graph.edgeCount();
        return n * 200 + m * 2 * 16 + m * 28;
    }

    int firstTie(int edgeId) { return firstTie[edgeId]; }
    public long graphVersion() { return graphVersion; }
    public AnalysisScope scope() { return scope; }
    public CsrGraph graph() { return graph; }
    public int vertexCount() { return ids.length; }
    public long buildMillis() { return buildMillis; }
    /** Stored values of the whole graph the reader skipped because it could not read them. */
    public int unreadableValues() { return unreadableValues; }

    /** The vertex of an id, or -1 when the id is not in this snapshot. */
    public int indexOf(String id) {
        return index.indexOf(id);
    }

    public String id(int v) { return ids[v]; }
    public NodeLabel label(int v) { return nodes.labels[v]; }
    public String name(int v) { return nodes.names[v]; }
    /** Contact kind, organisation type, mandate kind or activity type. */
    public String subtype(int v) { return nodes.subtypes[v]; }
    public String country(int v) { return nodes.countries[v]; }
    public Region region(int v) { return nodes.regions[v]; }
    public String[] themes(int v) { return nodes.themes[v].clone(); }
    public boolean hasTheme(int v, String theme) { return Arrays.asList(nodes.themes[v]).contains(theme); }
    public RiskLevel risk(int v) { return nodes.risks[v]; }
    public boolean atRisk(int v) { return nodes.risks[v] != null && nodes.risks[v] != RiskLevel.NONE; }
    /** Whether {@code v}'s consent for {@code purpose} is current on {@code epochDay}. */
    public boolean consents(int v, org.civnet.domain.ConsentPurpose purpose, long epochDay) {
        return nodes.consent[v].on(purpose, epochDay);
    }
    public ConsentDays consentDays(int v) { return nodes.consent[v]; }
    public boolean confidential(int v) { return nodes.confidential[v]; }
    /** Epoch day the node was recorded, or {@link GraphData#NO_DATE}. */
    public int createdDay(int v) { return nodes.createdDay[v]; }
    public TieType edgeType(int edgeId) { return edges.type[edgeId]; }
    /** Trust 1–5, or 0 when the tie carries none. */
    public int edgeTrust(int edgeId) { return edges.trust[edgeId]; }
    public int edgeSince(int edgeId) { return edges.since[edgeId]; }
    public int edgeLastContact(int edgeId) { return edges.lastContact[edgeId]; }
}
