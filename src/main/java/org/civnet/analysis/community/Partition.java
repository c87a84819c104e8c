package org.civnet.analysis.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm.Clustering;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm.ClusteringImpl;

/**
 * A partition of the vertices {@code 0..n-1} into communities, in canonical form: community ids
 * are {@code 0..communityCount-1}, numbered in order of their smallest vertex (vertex 0 is always
 * in community 0), so two equal partitions always have equal arrays. Every vertex is in exactly
 * one community; an isolated vertex is a community of its own.
 *
 * <p>Immutable: the array is copied on the way in and out; use {@link #communityOf(int)} to read
 * without copying.
 *
 * @param communityOf the community of each vertex
 * @param communityCount the number of communities
 * @param modularity the modularity of the partition (see {@link Modularity}) under the resolution
 *                   and weighting it was computed with
 */
public record Partition(int[] communityOf, int communityCount, double modularity) {

    public Partition {
        Objects.requireNonNull(communityOf, "communityOf");
        communityOf = communityOf.clone();
        int next = 0;
        for (int v = 0; v < communityOf.length; v++) {
            int c = communityOf[v];
            if (c == next) {
                next++;
            } else if (c < 0 || c > next) {
                throw new IllegalArgumentException("community ids must be canonical (numbered by smallest"
                        + " vertex); vertex " + v + " has " + c + ", expected at most " + next);
            }
        }
        if (communityCount != next) {
            throw new IllegalArgumentException("communityCount " + communityCount + " but ids use " + next);
        }
    }

    /**
     * Builds a canonical partition from arbitrary labels (vertices with equal labels share a
     * community) and computes its modularity.
     */
    public static Partition of(CsrGraph graph, int[] labels, double resolution, boolean weighted) {
        int[] canonical = Partitions.canonicalLabelsOf(graph, labels);
        int count = Partitions.count(canonical);
        return new Partition(canonical, count, Modularity.ofCanonical(graph, canonical, count, resolution, weighted));
    }

    /** A copy of the community of each vertex. */
    @Override
    public int[] communityOf() {
        return communityOf.clone();
    }

    /** The community of vertex {@code v}. */
    public int communityOf(int v) {
        return communityOf[v];
    }

    public int vertexCount() {
        return communityOf.length;
    }

    /** The size of each community, indexed by community id. */
    public int[] sizes() {
        int[] sizes = new int[communityCount];
        for (int c : communityOf) {
            sizes[c]++;
        }
        return sizes;
    }

    /** The members of each community, ascending, indexed by community id. */
    public int[][] members() {
        int[] sizes = sizes();
        int[][] members = new int[communityCount][];
        for (int c = 0; c < communityCount; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] filled = new int[communityCount];
        for (int v = 0; v < communityOf.length; v++) {
            int c = communityOf[v];
            members[c][filled[c]++] = v;
        }
        return members;
    }

    /**
     * The partition as a JGraphT clustering: clusters in community-id order, each an unmodifiable
     * set iterating its vertices in ascending order.
     */
    public Clustering<Integer> toClustering() {
        List<Set<Integer>> clusters = new ArrayList<>(communityCount);
        for (int[] community : members()) {
            Set<Integer> set = new LinkedHashSet<>(community.length * 2);
            for (int v : community) {
                set.add(v);
            }
            clusters.add(Collections.unmodifiableSet(set));
        }
        return new ClusteringImpl<>(Collections.unmodifiableList(clusters));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p
                && communityCount == p.communityCount
                && Double.compare(modularity, p.modularity) == 0
                && Arrays.equals(communityOf, p.communityOf);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(communityOf) + communityCount) + Double.hashCode(modularity);
    }

    @Override
    public String toString() {
        return "Partition[communityCount=" + communityCount + ", modularity=" + modularity
                + ", communityOf=" + Arrays.toString(communityOf) + "]";
    }
}
