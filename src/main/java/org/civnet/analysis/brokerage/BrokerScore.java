package org.civnet.analysis.brokerage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.brokerage.Brokerage.RoleFlow;
import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.graph.CsrGraph;

/**
 * One vertex's broker score: how much it connects otherwise separate parts of the network, with the
 * ingredients kept for display and the structured reason for a "why" sentence.
 *
 * <p>Definition (a civnet composite, not a published index): the mean of three parts, each in [0, 1],
 * <pre>
 *   score = ( b / max b  +  clamp(1 - constraint, 0, 1)  +  t / max t ) / 3
 * </pre>
 * where b is normalised shortest-path betweenness ({@link Betweenness}; Freeman 1977), constraint is
 * Burt's constraint ({@link StructuralHoles}; Burt 1992), t the number of open two-paths the vertex brokers
 * between groups or within them ({@link Brokerage}; Gould and Fernandez 1989), and the maxima are over
 * all vertices (a part is 0 when its maximum is 0). An isolated vertex has undefined constraint and gets
 * 0 for that part. Betweenness rewards global bridging, low constraint rewards an ego network full of
 * structural holes, and the brokerage count rewards local mediation, so no single measure's blind spot
 * dominates.
 *
 * <p>{@code reason} is the largest flow of the vertex's dominant role (the role with the most
 * two-paths; ties go to the role that crosses more group lines: liaison, gatekeeper, representative,
 * consultant, coordinator). In an undirected network representative and gatekeeper counts are always
 * equal (the same paths read in the two directions), so such a vertex is described as a gatekeeper:
 * "gatekeeper for 14 paths from ENACA into AFRICA" is {@code RoleFlow(GATEKEEPER, ENACA, AFRICA, 14)}.
 * It is null when the vertex brokers no open two-path. Group indices are those of the {@code groupOf}
 * array; the API layer maps them to names.
 *
 * @param vertex      the vertex index
 * @param score       the composite score in [0, 1]
 * @param betweenness normalised betweenness (NetworkX convention)
 * @param constraint  Burt's constraint, NaN for an isolated vertex
 * @param brokerage   ordered open two-paths through the vertex (sum of its role counts)
 * @param reason      the dominant role's largest flow, or null
 */
public record BrokerScore(int vertex, double score, double betweenness, double constraint, long brokerage,
                          RoleFlow reason) {

    /** Role preference when counts tie: the more group lines a role crosses, the more it says. */
    private static final List<BrokerageRole> TIE_ORDER = List.of(BrokerageRole.LIAISON, BrokerageRole.GATEKEEPER,
            BrokerageRole.REPRESENTATIVE, BrokerageRole.CONSULTANT, BrokerageRole.COORDINATOR);

    /**
     * Scores every vertex, best broker first (ties by vertex index). Cost: exact betweenness, O(nm)
     * (O(nm log n) weighted), plus O(sum of deg^2).
     *
     * @param weighted use edge weights as tie strengths for betweenness and constraint
     * @param threads  threads for betweenness, 0 for all processors
     */
    public static List<BrokerScore> rank(CsrGraph graph, int[] groupOf, boolean weighted, int threads) {
        Objects.requireNonNull(graph, "graph");
        double[] betweenness = new Betweenness(graph, Betweenness.Options.defaults()
                .withWeighted(weighted).withThreads(threads)).scores();
        return rank(betweenness, StructuralHoles.constraint(graph, weighted), new Brokerage(graph, groupOf));
    }

    /** Scores every vertex from parts computed elsewhere (e.g. cached betweenness). */
    public static List<BrokerScore> rank(double[] normalizedBetweenness, double[] constraint, Brokerage brokerage) {
        Objects.requireNonNull(normalizedBetweenness, "normalizedBetweenness");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(brokerage, "brokerage");
        int n = brokerage.vertexCount();
        if (normalizedBetweenness.length != n || constraint.length != n) {
            throw new IllegalArgumentException("betweenness, constraint and brokerage must cover the same "
                    + n + " vertices");
        }
        double maxBetweenness = 0.0;
        long maxBrokerage = 0;
        for (int v = 0; v < n; v++) {
            maxBetweenness = Math.max(maxBetweenness, normalizedBetweenness[v]);
            maxBrokerage = Math.max(maxBrokerage, brokerage.totalCount(v));
        }
        List<BrokerScore> scores = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            long total = brokerage.totalCount(v);
            double betweennessPart = maxBetweenness > 0 ? normalizedBetweenness[v] / maxBetweenness : 0.0;
            double opennessPart = Double.isNaN(constraint[v]) ? 0.0 : Math.min(1.0, Math.max(0.0, 1.0 - constraint[v]));
            double brokeragePart = maxBrokerage > 0 ? (double) total / maxBrokerage : 0.0;
            double score = (betweennessPart + opennessPart + brokeragePart) / 3.0;
            scores.add(new BrokerScore(v, score, normalizedBetweenness[v], constraint[v], total,
                    total == 0 ? null : reason(brokerage, v)));
        }
        scores.sort(Comparator.comparingDouble(BrokerScore::score).reversed().thenComparingInt(BrokerScore::vertex));
        return List.copyOf(scores);
    }

    private static RoleFlow reason(Brokerage brokerage, int v) {
        BrokerageRole dominant = null;
        long best = 0;
        for (BrokerageRole role : TIE_ORDER) {
            long c = brokerage.count(v, role);
            if (c > best) {
                best = c;
                dominant = role;
            }
        }
        for (RoleFlow flow : brokerage.flows(v)) {
            if (flow.role() == dominant) {
                return flow; // flows come largest first
            }
        }
        throw new IllegalStateException("no flow for the dominant role of vertex " + v);
    }
}
