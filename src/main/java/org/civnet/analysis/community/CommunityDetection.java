package org.civnet.analysis.community;

import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/** The single entry point to community detection, for callers that pick the algorithm at run time. */
public final class CommunityDetection {

    private CommunityDetection() {
    }

    /**
     * Partitions {@code graph} into communities with {@code algorithm}.
     *
     * @return a canonical partition (ids numbered by smallest member), its modularity computed with
     *         the options' resolution and weighting
     */
    public static Partition detect(CsrGraph graph, CommunityAlgorithm algorithm, CommunityOptions options) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        return switch (algorithm) {
            case LEIDEN -> new Leiden(graph, options).partition();
            case LOUVAIN -> new Louvain(graph, options).partition();
            case LABEL_PROPAGATION -> new LabelPropagation(graph, options).partition();
        };
    }
}
