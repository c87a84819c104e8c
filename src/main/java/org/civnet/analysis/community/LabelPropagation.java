package org.civnet.analysis.community;

import java.util.SplittableRandom;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Asynchronous label propagation: U. N. Raghavan, R. Albert and S. Kumara, "Near linear time
 * algorithm to detect community structures in large-scale networks", Phys. Rev. E 76, 036106
 * (2007).
 *
 * <p>Every vertex starts with its own label. In each sweep the vertices, in a fresh random order,
 * adopt the label carrying the largest total edge weight among their neighbours (edge count when
 * unweighted); ties are broken uniformly at random, but a vertex whose label is already among the
 * best keeps it. The sweeps stop when no label changes (every vertex holds a best label, the
 * paper's stopping rule) or after {@link CommunityOptions#maxIterations()} sweeps. Communities are
 * the groups of equal labels, as NetworkX's {@code asyn_lpa_communities}; like there, a community
 * may occasionally be disconnected. The resolution is not used for the search, only to report
 * {@link Partition#modularity()}.
 *
 * <p>Written here rather than wrapping JGraphT's {@code LabelPropagationClustering} so that
 * weights are honoured and determinism does not depend on hash iteration order: one seeded
 * {@link SplittableRandom} drives every choice.
 *
 * <p>Cost: {@code O(m)} per sweep, {@code O(n + m)} memory.
 */
public final class LabelPropagation extends PartitionAlgorithm {

    public LabelPropagation(CsrGraph graph) {
        this(graph, CommunityOptions.defaults());
    }

    public LabelPropagation(CsrGraph graph, CommunityOptions options) {
        super(graph, options);
    }

    @Override
    protected Partition compute() {
        int n = graph.vertexCount();
        boolean useWeights = options.weighted() && graph.isWeighted();
        int[] label = Partitions.identity(n);
        SplittableRandom rng = new SplittableRandom(options.seed());
        double[] weightTo = new double[n];
        boolean[] isTouched = new boolean[n];
        int[] touched = new int[n];
        int[] best = new int[n];
        int[] order = Partitions.identity(n);
        for (int sweep = 0; sweep < options.maxIterations(); sweep++) {
            Partitions.shuffle(order, n, rng);
            boolean changed = false;
            for (int v : order) {
                if (graph.degree(v) == 0) {
                    continue;
                }
                int touchedCount = 0;
                double max = 0;
                for (int s = graph.offset(v); s < graph.offsetEnd(v); s++) {
                    int l = label[graph.target(s)];
                    if (!isTouched[l]) {
                        isTouched[l] = true;
                        weightTo[l] = 0;
                        touched[touchedCount++] = l;
                    }
                    weightTo[l] += useWeights ? graph.weight(s) : 1.0;
                    max = Math.max(max, weightTo[l]);
                }
                // sums of equal weights taken in different orders may differ in the last bits
                double threshold = max - 1e-12 * max;
                int bestCount = 0;
                boolean keep = false;
                for (int t = 0; t < touchedCount; t++) {
                    int l = touched[t];
                    isTouched[l] = false;
                    if (weightTo[l] >= threshold) {
                        best[bestCount++] = l;
                        keep |= l == label[v];
                    }
                }
                if (!keep) {
                    label[v] = best[bestCount == 1 ? 0 : rng.nextInt(bestCount)];
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return Partition.of(graph, label, options.resolution(), options.weighted());
    }
}
