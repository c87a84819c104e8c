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
    private final NodeLabel[] labels;
    private final String[] names;
    private final String[] subtypes;
    private final String[] countries;
    private final Region[] regions;
    private final String[][] themes;
    private final RiskLevel[] risks;
    private final ConsentDays[] consent;
    private final boolean[] confidential;
    private final int[] createdDay;
    private final CsrGraph graph;
    private final TieType[] edgeType;
    private final int[] edgeTrust;
    private final int[] edgeSince;
    private final int[] edgeLastContact;
    private final IdIndex index;
    /** For each edge, the tie of the graph data it was first built from (for {@link ScopedPatch}). */
    private final int[] firstTie;
    private final long buildMillis;
    private final int unreadableValues;

    private NetworkSnapshot(long graphVersion, AnalysisScope scope, String[] ids, NodeLabel[] labels, String[] names,
                            String[] subtypes, String[] countries, Region[] regions, String[][] themes, RiskLevel[] risks,
                            ConsentDays[] consent, boolean[] confidential, int[] createdDay, CsrGraph graph,
                            TieType[] edgeType, int[] edgeTrust, int[] edgeSince, int[] edgeLastContact, int[] firstTie,
                            long buildMillis, int unreadableValues) {
        this.graphVersion = graphVersion;
        this.scope = scope;
        this.ids = ids;
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
        this.graph = graph;
        this.edgeType = edgeType;
        this.edgeTrust = edgeTrust;
        this.edgeSince = edgeSince;
        this.edgeLastContact = edgeLastContact;
        this.firstTie = firstTie;
        this.buildMillis = buildMillis;
        this.unreadableValues = unreadableValues;
        this.index = new IdIndex(ids);
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
        NodeLabel[] labels = new NodeLabel[kept];
        String[] names = new String[kept];
        String[] subtypes = new String[kept];
        String[] countries = new String[kept];
        Region[] regions = new Region[kept];
        String[][] themes = new String[kept][];
        RiskLevel[] risks = new RiskLevel[kept];
        ConsentDays[] consent = new ConsentDays[kept];
        boolean[] confidential = new boolean[kept];
        int[] created = new int[kept];
        for (int i = 0; i < n; i++) {
            int v = newIndex[i];
            if (v < 0) {
                continue;
            }
            ids[v] = data.ids()[i];
            labels[v] = data.labels()[i];
            names[v] = data.names()[i];
            subtypes[v] = data.subtypes()[i];
            countries[v] = data.countries()[i];
            regions[v] = data.regions()[i];
            themes[v] = data.themes()[i];
            risks[v] = data.risks()[i];
            consent[v] = data.consent()[i];
            confidential[v] = data.confidential()[i];
            created[v] = data.createdDay()[i];
        }
        int edges = graph.edgeCount();
        TieType[] edgeType = new TieType[edges];
        int[] edgeTrust = new int[edges];
        int[] edgeSince = new int[edges];
        int[] edgeLast = new int[edges];
        for (int id = 0; id < edges; id++) {
            int e = firstTie[id];
            edgeType[id] = data.tieTypes()[e];
            edgeTrust[id] = data.tieTrust()[e];
            edgeSince[id] = data.tieSince()[e];
            edgeLast[id] = data.tieLastContact()[e];
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new NetworkSnapshot(data.graphVersion(), scope, ids, labels, names, subtypes, countries, regions, themes,
                risks, consent, confidential, created, graph, edgeType, edgeTrust, edgeSince, edgeLast, firstTie, millis,
                data.unreadableValues());
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
    public NodeLabel label(int v) { return labels[v]; }
    public String name(int v) { return names[v]; }
    /** Contact kind, organisation type, mandate kind or activity type. */
    public String subtype(int v) { return subtypes[v]; }
    public String country(int v) { return countries[v]; }
    public Region region(int v) { return regions[v]; }
    public String[] themes(int v) { return themes[v].clone(); }
    public boolean hasTheme(int v, String theme) { return Arrays.asList(themes[v]).contains(theme); }
    public RiskLevel risk(int v) { return risks[v]; }
    public boolean atRisk(int v) { return risks[v] != null && risks[v] != RiskLevel.NONE; }
    /** Whether {@code v}'s consent for {@code purpose} is current on {@code epochDay}. */
    public boolean consents(int v, org.civnet.domain.ConsentPurpose purpose, long epochDay) {
        return consent[v].on(purpose, epochDay);
    }
    public ConsentDays consentDays(int v) { return consent[v]; }
    public boolean confidential(int v) { return confidential[v]; }
    /** Epoch day the node was recorded, or {@link GraphData#NO_DATE}. */
    public int createdDay(int v) { return createdDay[v]; }
    public TieType edgeType(int edgeId) { return edgeType[edgeId]; }
    /** Trust 1–5, or 0 when the tie carries none. */
    public int edgeTrust(int edgeId) { return edgeTrust[edgeId]; }
    public int edgeSince(int edgeId) { return edgeSince[edgeId]; }
    public int edgeLastContact(int edgeId) { return edgeLastContact[edgeId]; }
}
