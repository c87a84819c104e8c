package org.civnet.analysis.community;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The Leiden algorithm for modularity maximisation, as in V. A. Traag, L. Waltman and N. J. van
 * Eck, "From Louvain to Leiden: guaranteeing well-connected communities", Scientific Reports 9,
 * 5233 (2019), Algorithm A.2:
 * <ol>
 * <li><em>fast local moving</em>: nodes are visited from a queue (initially all nodes in random
 * order); a node moves to the neighbouring (or an empty) community with the largest modularity
 * gain, and its neighbours outside that community are queued again;</li>
 * <li><em>refinement</em>: inside each community, starting from singletons, each well-connected
 * singleton node (in random order) joins a well-connected sub-community chosen at random with
 * probability {@code ∝ exp(ΔQ/θ)} among those with {@code ΔQ >= 0}, with randomness
 * {@code θ = }{@value #RANDOMNESS} as in the paper;</li>
 * <li><em>aggregation</em> by the refined partition, the unrefined partition being the initial
 * partition of the aggregate graph;</li>
 * </ol>
 * repeated until local moving leaves every aggregate node alone. The whole algorithm is then
 * iterated, starting from its own result, until an iteration changes nothing (or
 * {@link CommunityOptions#maxIterations()} iterations). As the paper proves, the communities found
 * are connected; as a safeguard for the rare early stop (refinement merged nothing, as leidenalg
 * also stops) any disconnected community is split into its connected parts, which cannot lower
 * modularity.
 *
 * <p>Quality: modularity with resolution γ, NetworkX/igraph definition (see {@link Modularity}).
 * Gains are compared in edge-weight units, {@code w(v,C) − γ k_v K_C / 2m}, which is also the
 * scale on which {@code θ} acts in the reference implementations (leidenalg, igraph).
 *
 * <p>Deterministic: every random choice is drawn from one {@link SplittableRandom} seeded with
 * {@link CommunityOptions#seed()} in a fixed order, and no iteration order depends on hashing;
 * the same graph, options and seed always give the same partition.
 *
 * <p>Cost: {@code O(m)} time per local-moving pass over a level in practice (each queued node
 * scans its neighbours), {@code O(n + m)} memory; the number of levels and iterations is small
 * (logarithmic in practice) but not bounded by a polynomial guarantee.
 */
public final class Leiden extends PartitionAlgorithm {

    /** The randomness θ of the refinement phase, as recommended in the paper. */
    public static final double RANDOMNESS = 0.01;

    public Leiden(CsrGraph graph) {
        this(graph, CommunityOptions.defaults());
    }

    public Leiden(CsrGraph graph, CommunityOptions options) {
        super(graph, options);
    }

    @Override
    protected Partition compute() {
        WorkGraph base = WorkGraph.of(graph, options.weighted());
        int n = base.nodeCount;
        int[] membership = Partitions.identity(n);
        if (base.totalStrength > 0) {
            SplittableRandom rng = new SplittableRandom(options.seed());
            for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
                int[] next = new Run(base, options.resolution(), rng).optimise(membership);
                boolean changed = !Arrays.equals(next, membership);
                membership = next;
                if (!changed) {
                    break;
                }
            }
            membership = Partitions.splitDisconnected(graph, membership);
        }
        return Partition.of(graph, membership, options.resolution(), options.weighted());
    }

    /** One iteration of the algorithm; scratch arrays are sized for the base graph and reused. */
    private static final class Run {
        private final WorkGraph base;
        private final double resolution;
        private final SplittableRandom rng;
        private final NeighbourWeights neighbours;
        private final int[] renumberScratch;

        Run(WorkGraph base, double resolution, SplittableRandom rng) {
            this.base = base;
            this.resolution = resolution;
            this.rng = rng;
            int n = base.nodeCount;
            this.neighbours = new NeighbourWeights(n);
            this.renumberScratch = new int[n];
        }

        /** Runs all levels from {@code initial}; returns a canonical membership of the base vertices. */
        int[] optimise(int[] initial) {
            WorkGraph g = base;
            int[] community = initial.clone();
            int[] nodeOf = Partitions.identity(base.nodeCount);
            while (true) {
                moveNodesFast(g, community);
                int communityCount = Partitions.renumberInPlace(community, renumberScratch);
                if (communityCount == g.nodeCount) {
                    break;
                }
                int[] refined = refine(g, community, communityCount);
                int refinedCount = Partitions.renumberInPlace(refined, renumberScratch);
                if (refinedCount == g.nodeCount) {
                    break; // aggregating would not shrink the graph
                }
                int[] aggregateCommunity = new int[refinedCount];
                for (int i = 0; i < g.nodeCount; i++) {
                    aggregateCommunity[refined[i]] = community[i];
                }
                for (int v = 0; v < nodeOf.length; v++) {
                    nodeOf[v] = refined[nodeOf[v]];
                }
                g = g.aggregate(refined, refinedCount);
                community = aggregateCommunity;
            }
            int[] result = new int[nodeOf.length];
            for (int v = 0; v < nodeOf.length; v++) {
                result[v] = community[nodeOf[v]];
            }
            return Partitions.canonicalise(result);
        }

        /** Fast local moving (Algorithm A.2, MoveNodesFast); updates {@code community} in place. */
        private void moveNodesFast(WorkGraph g, int[] community) {
            int n = g.nodeCount;
            double scale = resolution / g.totalStrength;
            double[] communityStrength = new double[n];
            int[] communitySize = new int[n];
            for (int i = 0; i < n; i++) {
                communityStrength[community[i]] += g.strengths[i];
                communitySize[community[i]]++;
            }
            int[] emptyCommunities = new int[n];
            int emptyCount = 0;
            for (int c = n - 1; c >= 0; c--) {
                if (communitySize[c] == 0) {
                    emptyCommunities[emptyCount++] = c;
                }
            }
            MoveQueue queue = new MoveQueue(n, rng);
            while (!queue.isEmpty()) {
                int v = queue.poll();

                int own = community[v];
                double kv = g.strengths[v];
                neighbours.addNeighbours(g, v, community);
                communityStrength[own] -= kv;
                communitySize[own]--;

                double ownGain = neighbours.weightTo(own) - scale * kv * communityStrength[own];
                int best = own;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < neighbours.count(); t++) {
                    int c = neighbours.community(t);
                    if (c != own) {
                        double gain = neighbours.weightTo(c) - scale * kv * communityStrength[c];
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = c;
                        }
                    }
                }
                // An empty community gains exactly 0; useful only if v's own community is not empty now.
                boolean toEmpty = false;
                if (communitySize[own] > 0 && 0 > bestGain) {
                    bestGain = 0;
                    best = emptyCommunities[emptyCount - 1];
                    toEmpty = true;
                }
                neighbours.clear();
                if (best == own || !(bestGain > ownGain + Partitions.gainTolerance(kv))) {
                    best = own;
                } else {
                    if (toEmpty) {
                        emptyCount--;
                    }
                    if (communitySize[own] == 0) {
                        emptyCommunities[emptyCount++] = own;
                    }
                }
                community[v] = best;
                communityStrength[best] += kv;
                communitySize[best]++;
                if (best != own) {
                    for (int s = g.offsets[v]; s < g.offsets[v + 1]; s++) {
                        int u = g.targets[s];
                        if (community[u] != best) {
                            queue.offer(u);
                        }
                    }
                }
            }
        }

        /**
         * Refinement (Algorithm A.2, RefinePartition and MergeNodesSubset) of the canonical
         * {@code community} labelling; returns the refined labelling (not renumbered).
         */
        private int[] refine(WorkGraph g, int[] community, int communityCount) {
            Refinement refinement = new Refinement(g, community, communityCount);
            for (int c = 0; c < communityCount; c++) {
                refinement.mergeNodesSubset(c);
            }
            return refinement.refined;
        }

        /**
         * The refinement of one level: the refined sub-communities start as singletons and grow inside
         * each community of the local-moving partition. Uses the run's {@link #neighbours} scratch and
         * random generator.
         */
        private final class Refinement {
            private final WorkGraph g;
            private final int[] community;
            private final double scale;
            private final int[] refined;
            private final double[] refinedStrength;
            private final int[] refinedSize;
            /** Weight from each refined community to the rest of its community (E(C, S − C)). */
            private final double[] refinedExternal;
            private final double[] weightInside;
            private final double[] communityStrength;
            /** Nodes grouped by community: those of {@code c} at {@code start[c]} to {@code start[c + 1]}. */
            private final int[] start;
            private final int[] nodesByCommunity;
            private final int[] wellConnected;
            private final double[] candidateWeight;
            private final int[] candidates;

            Refinement(WorkGraph g, int[] community, int communityCount) {
                this.g = g;
                this.community = community;
                int n = g.nodeCount;
                scale = resolution / g.totalStrength;
                refined = Partitions.identity(n);
                refinedStrength = g.strengths.clone();
                refinedSize = new int[n];
                Arrays.fill(refinedSize, 1);
                refinedExternal = new double[n];
                weightInside = new double[n];
                communityStrength = new double[communityCount];
                start = new int[communityCount + 1];
                for (int v = 0; v < n; v++) {
                    communityStrength[community[v]] += g.strengths[v];
                    start[community[v] + 1]++;
                    double w = 0;
                    for (int s = g.offsets[v]; s < g.offsets[v + 1]; s++) {
                        if (community[g.targets[s]] == community[v]) {
                            w += g.weights[s];
                        }
                    }
                    weightInside[v] = w;
                    refinedExternal[v] = w;
                }
                for (int c = 0; c < communityCount; c++) {
                    start[c + 1] += start[c];
                }
                int[] fill = Arrays.copyOf(start, communityCount);
                nodesByCommunity = new int[n];
                for (int v = 0; v < n; v++) {
                    nodesByCommunity[fill[community[v]]++] = v;
                }
                wellConnected = new int[n];
                candidateWeight = new double[n];
                candidates = new int[n];
            }

            /** MergeNodesSubset for community {@code c}: its well-connected singletons, in random order. */
            void mergeNodesSubset(int c) {
                if (start[c + 1] - start[c] < 2) {
                    return;
                }
                double totalStrength = communityStrength[c];
                int count = 0;
                for (int idx = start[c]; idx < start[c + 1]; idx++) {
                    int v = nodesByCommunity[idx];
                    double kv = g.strengths[v];
                    if (weightInside[v] >= scale * kv * (totalStrength - kv)) {
                        wellConnected[count++] = v;
                    }
                }
                Partitions.shuffle(wellConnected, count, rng);
                for (int r = 0; r < count; r++) {
                    int v = wellConnected[r];
                    if (refinedSize[refined[v]] == 1) { // else another node joined v: no longer a singleton
                        mergeSingleton(v, c, totalStrength);
                    }
                }
            }

            /** Moves singleton {@code v} into a well-connected refined community of {@code c}, or leaves it. */
            private void mergeSingleton(int v, int c, double totalStrength) {
                int own = refined[v];
                double kv = g.strengths[v];
                weighRefinedNeighbours(v, c);
                int candidateCount = collectCandidates(own, kv, totalStrength);
                if (candidateCount > 0) {
                    int chosen = chooseCandidate(own, candidateCount);
                    if (chosen != own) {
                        refined[v] = chosen;
                        refinedSize[own] = 0;
                        refinedStrength[own] = 0;
                        refinedSize[chosen]++;
                        refinedStrength[chosen] += kv;
                        refinedExternal[chosen] += weightInside[v] - 2 * neighbours.weightTo(chosen);
                    }
                }
                neighbours.clear();
            }

            /** Sums {@code v}'s edge weights per refined community inside {@code c} into {@link #neighbours}. */
            private void weighRefinedNeighbours(int v, int c) {
                for (int s = g.offsets[v]; s < g.offsets[v + 1]; s++) {
                    int u = g.targets[s];
                    if (community[u] == c) {
                        neighbours.add(refined[u], g.weights[s]);
                    }
                }
            }

            /**
             * The well-connected refined communities {@code v} may join with a gain ≥ 0, into
             * {@link #candidates} and their gains into {@link #candidateWeight}; v's own singleton stays
             * a candidate with gain 0 (it is not listed).
             */
            private int collectCandidates(int own, double kv, double totalStrength) {
                int candidateCount = 0;
                for (int t = 0; t < neighbours.count(); t++) {
                    int rc = neighbours.community(t);
                    double strength = refinedStrength[rc];
                    if (rc == own || refinedExternal[rc] < scale * strength * (totalStrength - strength)) {
                        continue;
                    }
                    double gain = neighbours.weightTo(rc) - scale * kv * strength;
                    if (gain >= 0) {
                        candidates[candidateCount] = rc;
                        candidateWeight[candidateCount] = gain;
                        candidateCount++;
                    }
                }
                return candidateCount;
            }

            /** Draws a candidate, or {@code own}, with probability ∝ exp(gain/θ). */
            private int chooseCandidate(int own, int candidateCount) {
                double maxGain = 0;
                for (int k = 0; k < candidateCount; k++) {
                    maxGain = Math.max(maxGain, candidateWeight[k]);
                }
                // exp((gain − max)/θ): the same distribution as exp(gain/θ), without overflow;
                // StrictMath so that every platform draws the same community
                double stayWeight = StrictMath.exp(-maxGain / RANDOMNESS);
                double total = stayWeight;
                for (int k = 0; k < candidateCount; k++) {
                    candidateWeight[k] = StrictMath.exp((candidateWeight[k] - maxGain) / RANDOMNESS);
                    total += candidateWeight[k];
                }
                double x = rng.nextDouble() * total - stayWeight;
                int chosen = own;
                for (int k = 0; k < candidateCount && x >= 0; k++) {
                    x -= candidateWeight[k];
                    if (x < 0 || k == candidateCount - 1) {
                        chosen = candidates[k];
                    }
                }
                return chosen;
            }
        }
    }

    /**
     * The queue of fast local moving: every node once, in random order, then the neighbours of moved
     * nodes at the back, a node at most once at a time (a ring buffer of capacity n).
     */
    private static final class MoveQueue {
        private final int[] ring;
        private final boolean[] queued;
        private int head;
        private int size;

        MoveQueue(int n, SplittableRandom rng) {
            ring = Partitions.identity(n);
            Partitions.shuffle(ring, n, rng);
            queued = new boolean[n];
            Arrays.fill(queued, true);
            size = n;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int poll() {
            int v = ring[head];
            head = head + 1 == ring.length ? 0 : head + 1;
            size--;
            queued[v] = false;
            return v;
        }

        /** Queues {@code u} at the back unless it is already waiting. */
        void offer(int u) {
            if (!queued[u]) {
                int tail = head + size;
                ring[tail >= ring.length ? tail - ring.length : tail] = u;
                size++;
                queued[u] = true;
            }
        }
    }
}
