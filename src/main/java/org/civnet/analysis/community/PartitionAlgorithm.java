package org.civnet.analysis.community;

import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm.Clustering;

/**
 * What the community algorithms share: the graph and options through the constructor, a
 * partition computed once on first use, and JGraphT's {@link ClusteringAlgorithm} view of it.
 */
abstract class PartitionAlgorithm implements ClusteringAlgorithm<Integer> {

    protected final CsrGraph graph;
    protected final CommunityOptions options;
    private Partition partition;

    PartitionAlgorithm(CsrGraph graph, CommunityOptions options) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The partition found, computed on first call. */
    public synchronized Partition partition() {
        if (partition == null) {
            partition = compute();
        }
        return partition;
    }

    @Override
    public Clustering<Integer> getClustering() {
        return partition().toClustering();
    }

    protected abstract Partition compute();
}
