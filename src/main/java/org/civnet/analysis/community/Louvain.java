package org.civnet.analysis.community;

import java.util.SplittableRandom;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The Louvain method for modularity maximisation: V. D. Blondel, J.-L. Guillaume, R. Lambiotte and
 * E. Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. (2008) P10008.
 *
 * <p>Each level starts from singletons; nodes are swept in a random order (drawn once per level,
 * as NetworkX's {@code louvain_communities} does) and each moves to the neighbouring community with
 * the largest positive modularity gain; sweeps repeat until none moves (at most
 * {@link CommunityOptions#maxIterations()} sweeps). The communities then become the nodes of the
 * next level. The method stops when a level moves no node. Unlike {@link Leiden}, a community may
 * end up internally disconnected.
 *
 * <p>Quality: modularity with resolution γ, NetworkX/igraph definition (see {@link Modularity}).
 * Deterministic for a given seed: one {@link SplittableRandom} drives every random order.
 *
 * <p>Cost: {@code O(m)} per sweep, {@code O(n + m)} memory; the number of sweeps and levels is
 * small in practice.
 */
public final class Louvain extends PartitionAlgorithm {

    public Louvain(CsrGraph graph) {
        this(graph, CommunityOptions.defaults());
    }

    public Louvain(CsrGraph graph, CommunityOptions options) {
        super(graph, options);
    }

    @Override
    protected Partition compute() {
        WorkGraph g = WorkGraph.of(graph, options.weighted());
        int n = g.nodeCount;
        int[] nodeOf = Partitions.identity(n);
        if (g.totalStrength > 0) {
            SplittableRandom rng = new SplittableRandom(options.seed());
            NeighbourWeights neighbours = new NeighbourWeights(n);
            int[] scratch = new int[n];
            while (true) {
                int[] community = Partitions.identity(g.nodeCount);
                boolean moved = moveNodes(g, community, rng, neighbours);
                if (!moved) {
                    break;
                }
                int count = Partitions.renumberInPlace(community, scratch);
                for (int v = 0; v < n; v++) {
                    nodeOf[v] = community[nodeOf[v]];
                }
                g = g.aggregate(community, count);
            }
        }
        return Partition.of(graph, nodeOf, options.resolution(), options.weighted());
    }

    private boolean moveNodes(WorkGraph g, int[] community, SplittableRandom rng, NeighbourWeights neighbours) {
        int n = g.nodeCount;
        double scale = options.resolution() / g.totalStrength;
        double[] communityStrength = g.strengths.clone();
        int[] order = Partitions.identity(n);
        Partitions.shuffle(order, n, rng);
        boolean movedAny = false;
        for (int sweep = 0; sweep < options.maxIterations(); sweep++) {
            boolean movedInSweep = false;
            for (int v : order) {
                int own = community[v];
                double kv = g.strengths[v];
                neighbours.addNeighbours(g, v, community);
                communityStrength[own] -= kv;
                double ownGain = neighbours.weightTo(own) - scale * kv * communityStrength[own];
                int best = own;
                double bestGain = ownGain;
                for (int t = 0; t < neighbours.count(); t++) {
                    int c = neighbours.community(t);
                    if (c != own) {
                        double gain = neighbours.weightTo(c) - scale * kv * communityStrength[c];
                        if (gain > bestGain + Partitions.gainTolerance(kv)) {
                            bestGain = gain;
                            best = c;
                        }
                    }
                }
                neighbours.clear();
                community[v] = best;
                communityStrength[best] += kv;
                if (best != own) {
                    movedInSweep = true;
                }
            }
            if (!movedInSweep) {
                break;
            }
            movedAny = true;
        }
        return movedAny;
    }
}
