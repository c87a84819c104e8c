package org.civnet.analysis.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * What holds each community of a partition together, and who ties it to the others.
 *
 * <p>Per community: size, internal edges, boundary edges (edges leaving it), their weights, and
 * internal density {@code 2 L / (s (s − 1))} (0 for fewer than two members, as NetworkX's
 * {@code density}). Per vertex: its internal degree, its ties to other communities and which
 * communities those are. Per pair of communities: the edges between them. Bridges are the vertices
 * with ties to other communities, ordered by their number of such ties, then by how many
 * communities they reach, then by vertex index. Counts are edge counts; weights are the summed tie
 * strengths (1 per edge on an unweighted graph). Everything uses int indices, for the API layer to
 * name.
 *
 * <p>Cost: {@code O(n + m log Δ)} time, {@code O(n + m)} memory.
 */
public final class CommunityCohesion {

    /**
     * @param community the community id
     * @param size the number of members
     * @param internalEdges edges with both ends inside
     * @param boundaryEdges edges with exactly one end inside
     * @param internalWeight summed weight of the internal edges
     * @param boundaryWeight summed weight of the boundary edges
     * @param density {@code 2 internalEdges / (size (size − 1))}, 0 when {@code size < 2}
     */
    public record CommunityProfile(int community, int size, int internalEdges, int boundaryEdges,
                                   double internalWeight, double boundaryWeight, double density) {
    }

    /**
     * @param vertex the vertex
     * @param community its community
     * @param internalDegree its neighbours in its own community
     * @param externalDegree its neighbours in other communities
     * @param linkedCommunities the other communities it has neighbours in, ascending
     * @param tiesToLinked its number of neighbours in each of {@code linkedCommunities}
     */
    public record VertexTies(int vertex, int community, int internalDegree, int externalDegree,
                             int[] linkedCommunities, int[] tiesToLinked) {
        public VertexTies {
            linkedCommunities = linkedCommunities.clone();
            tiesToLinked = tiesToLinked.clone();
            if (linkedCommunities.length != tiesToLinked.length) {
                throw new IllegalArgumentException("linkedCommunities and tiesToLinked differ in length");
            }
        }

        @Override
        public int[] linkedCommunities() {
            return linkedCommunities.clone();
        }

        @Override
        public int[] tiesToLinked() {
            return tiesToLinked.clone();
        }

        /** How many other communities this vertex reaches. */
        public int linkedCommunityCount() {
            return linkedCommunities.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VertexTies t && vertex == t.vertex && community == t.community
                    && internalDegree == t.internalDegree && externalDegree == t.externalDegree
                    && Arrays.equals(linkedCommunities, t.linkedCommunities)
                    && Arrays.equals(tiesToLinked, t.tiesToLinked);
        }

        @Override
        public int hashCode() {
            return Objects.hash(vertex, community, internalDegree, externalDegree,
                    Arrays.hashCode(linkedCommunities), Arrays.hashCode(tiesToLinked));
        }

        @Override
        public String toString() {
            return "VertexTies[vertex=" + vertex + ", community=" + community + ", internalDegree="
                    + internalDegree + ", externalDegree=" + externalDegree + ", linkedCommunities="
                    + Arrays.toString(linkedCommunities) + ", tiesToLinked=" + Arrays.toString(tiesToLinked) + "]";
        }
    }

    /**
     * Edges between two communities.
     *
     * @param communityA the smaller id
     * @param communityB the larger id
     * @param edges the number of edges between them
     * @param weight their summed weight
     */
    public record CommunityLink(int communityA, int communityB, int edges, double weight) {
    }

    private static final Comparator<VertexTies> BRIDGE_ORDER = Comparator
            .comparingInt(VertexTies::externalDegree).reversed()
            .thenComparing(Comparator.comparingInt(VertexTies::linkedCommunityCount).reversed())
            .thenComparingInt(VertexTies::vertex);

    private final List<CommunityProfile> communities;
    private final List<VertexTies> vertices;
    private final List<CommunityLink> links;

    public CommunityCohesion(CsrGraph graph, Partition partition) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(partition, "partition");
        int n = graph.vertexCount();
        if (partition.vertexCount() != n) {
            throw new IllegalArgumentException("partition has " + partition.vertexCount()
                    + " vertices, graph " + n);
        }
        EdgeTotals totals = new EdgeTotals(partition.communityCount());
        this.vertices = Collections.unmodifiableList(tiesOfEveryVertex(graph, partition, totals));
        this.links = Collections.unmodifiableList(linksBetweenCommunities(graph, partition));
        this.communities = Collections.unmodifiableList(totals.profiles(partition.sizes()));
    }

    /** Each vertex's internal degree and ties to other communities; adds its edges to its community's totals. */
    private static List<VertexTies> tiesOfEveryVertex(CsrGraph graph, Partition partition, EdgeTotals totals) {
        int n = graph.vertexCount();
        int k = partition.communityCount();
        int[] tiesTo = new int[k];
        int[] touched = new int[k];
        List<VertexTies> vertexTies = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            int c = partition.communityOf(v);
            int internal = 0;
            int touchedCount = 0;
            for (int s = graph.offset(v); s < graph.offsetEnd(v); s++) {
                int d = partition.communityOf(graph.target(s));
                double w = graph.weight(s);
                if (d == c) {
                    internal++;
                    // each internal edge is seen from both ends
                    totals.internalEdges[c]++;
                    totals.internalWeight[c] += w;
                } else {
                    if (tiesTo[d]++ == 0) {
                        touched[touchedCount++] = d;
                    }
                    totals.boundaryEdges[c]++;
                    totals.boundaryWeight[c] += w;
                }
            }
            Arrays.sort(touched, 0, touchedCount);
            int[] linked = Arrays.copyOf(touched, touchedCount);
            int[] ties = new int[touchedCount];
            for (int t = 0; t < touchedCount; t++) {
                ties[t] = tiesTo[linked[t]];
                tiesTo[linked[t]] = 0;
            }
            vertexTies.add(new VertexTies(v, c, internal, graph.degree(v) - internal, linked, ties));
        }
        return vertexTies;
    }

    /** The edges between each pair of communities, ordered by (a, b). */
    private static List<CommunityLink> linksBetweenCommunities(CsrGraph graph, Partition partition) {
        int k = partition.communityCount();
        // links are gathered per (a < b) pair from a's side, so each edge is counted once
        int[] linkEdgeCount = new int[k];
        double[] linkWeight = new double[k];
        int[][] members = partition.members();
        List<CommunityLink> linkList = new ArrayList<>();
        int[] linkTouched = new int[k];
        boolean[] linkSeen = new boolean[k];
        for (int a = 0; a < k; a++) {
            int touchedCount = 0;
            for (int v : members[a]) {
                for (int s = graph.offset(v); s < graph.offsetEnd(v); s++) {
                    int b = partition.communityOf(graph.target(s));
                    if (b > a) {
                        if (!linkSeen[b]) {
                            linkSeen[b] = true;
                            linkEdgeCount[b] = 0;
                            linkWeight[b] = 0;
                            linkTouched[touchedCount++] = b;
                        }
                        linkEdgeCount[b]++;
                        linkWeight[b] += graph.weight(s);
                    }
                }
            }
            Arrays.sort(linkTouched, 0, touchedCount);
            for (int t = 0; t < touchedCount; t++) {
                int b = linkTouched[t];
                linkSeen[b] = false;
                linkList.add(new CommunityLink(a, b, linkEdgeCount[b], linkWeight[b]));
            }
        }
        return linkList;
    }

    /** One profile per community, indexed by community id. */
    public List<CommunityProfile> communities() {
        return communities;
    }

    /** The ties of every vertex, indexed by vertex. */
    public List<VertexTies> vertices() {
        return vertices;
    }

    public VertexTies vertex(int v) {
        return vertices.get(v);
    }

    /** Edges between communities, one entry per linked pair, ordered by (communityA, communityB). */
    public List<CommunityLink> links() {
        return links;
    }

    /** The {@code limit} strongest bridges of the whole graph (see the class comment for the order). */
    public List<VertexTies> bridges(int limit) {
        return rank(vertices, limit);
    }

    /** The {@code limit} strongest bridges out of {@code community}. */
    public List<VertexTies> bridges(int community, int limit) {
        Objects.checkIndex(community, communities.size());
        List<VertexTies> inCommunity = new ArrayList<>();
        for (VertexTies t : vertices) {
            if (t.community() == community) {
                inCommunity.add(t);
            }
        }
        return rank(inCommunity, limit);
    }

    private static List<VertexTies> rank(List<VertexTies> candidates, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        return candidates.stream()
                .filter(t -> t.externalDegree() > 0)
                .sorted(BRIDGE_ORDER)
                .limit(limit)
                .toList();
    }

    /** Per community, the edges (and weights) inside it and leaving it, as the vertex pass counts them. */
    private static final class EdgeTotals {
        final int[] internalEdges;
        final int[] boundaryEdges;
        final double[] internalWeight;
        final double[] boundaryWeight;

        EdgeTotals(int communityCount) {
            internalEdges = new int[communityCount];
            boundaryEdges = new int[communityCount];
            internalWeight = new double[communityCount];
            boundaryWeight = new double[communityCount];
        }

        /** Internal edges were counted from both ends, so they are halved here. */
        List<CommunityProfile> profiles(int[] size) {
            List<CommunityProfile> profiles = new ArrayList<>(size.length);
            for (int c = 0; c < size.length; c++) {
                int s = size[c];
                int inside = internalEdges[c] / 2;
                double density = s < 2 ? 0.0 : 2.0 * inside / ((double) s * (s - 1));
                profiles.add(new CommunityProfile(c, s, inside, boundaryEdges[c], internalWeight[c] / 2,
                        boundaryWeight[c], density));
            }
            return profiles;
        }
    }
}
