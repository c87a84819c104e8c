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
        private final double[] weightTo;
        private final boolean[] isTouched;
        private final int[] touched;
        private final int[] renumberScratch;

        Run(WorkGraph base, double resolution, SplittableRandom rng) {
            this.base = base;
            this.resolution = resolution;
            this.rng = rng;
            int n = base.nodeCount;
            this.weightTo = new double[n];
            this.isTouched = new boolean[n];
            this.touched = new int[n];
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
            int[] queue = Partitions.identity(n);
            Partitions.shuffle(queue, n, rng);
            boolean[] queued = new boolean[n];
            Arrays.fill(queued, true);
            int head = 0;
            int queueSize = n;

            while (queueSize > 0) {
                int v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                queueSize--;
                queued[v] = false;

                int own = community[v];
                double kv = g.strengths[v];
                int touchedCount = weighNeighbourCommunities(g, v, community);
                communityStrength[own] -= kv;
                communitySize[own]--;

                double ownGain = (isTouched[own] ? weightTo[own] : 0) - scale * kv * communityStrength[own];
                int best = own;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < touchedCount; t++) {
                    int c = touched[t];
                    if (c != own) {
                        double gain = weightTo[c] - scale * kv * communityStrength[c];
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
                clearTouched(touchedCount);
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
                        if (!queued[u] && community[u] != best) {
                            int tail = head + queueSize;
                            queue[tail >= n ? tail - n : tail] = u;
                            queueSize++;
                            queued[u] = true;
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
            int n = g.nodeCount;
            double scale = resolution / g.totalStrength;
            int[] refined = Partitions.identity(n);
            double[] refinedStrength = g.strengths.clone();
            int[] refinedSize = new int[n];
            Arrays.fill(refinedSize, 1);
            // weight from each refined community to the rest of its community (E(C, S − C))
            double[] refinedExternal = new double[n];
            double[] weightInside = new double[n];
            double[] communityStrength = new double[communityCount];
            int[] start = new int[communityCount + 1];
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
            int[] nodesByCommunity = new int[n];
            for (int v = 0; v < n; v++) {
                nodesByCommunity[fill[community[v]]++] = v;
            }

            int[] wellConnected = new int[n];
            double[] candidateWeight = new double[n];
            int[] candidates = new int[n];
            for (int c = 0; c < communityCount; c++) {
                if (start[c + 1] - start[c] < 2) {
                    continue;
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
                    if (refinedSize[refined[v]] != 1) {
                        continue; // another node joined v: v is no longer a singleton
                    }
                    int own = refined[v];
                    double kv = g.strengths[v];
                    int touchedCount = 0;
                    for (int s = g.offsets[v]; s < g.offsets[v + 1]; s++) {
                        int u = g.targets[s];
                        if (community[u] != c) {
                            continue;
                        }
                        int rc = refined[u];
                        if (!isTouched[rc]) {
                            isTouched[rc] = true;
                            weightTo[rc] = 0;
                            touched[touchedCount++] = rc;
                        }
                        weightTo[rc] += g.weights[s];
                    }
                    // v's own singleton stays a candidate with gain 0
                    int candidateCount = 0;
                    double maxGain = 0;
                    for (int t = 0; t < touchedCount; t++) {
                        int rc = touched[t];
                        double strength = refinedStrength[rc];
                        if (rc == own || refinedExternal[rc] < scale * strength * (totalStrength - strength)) {
                            continue;
                        }
                        double gain = weightTo[rc] - scale * kv * strength;
                        if (gain >= 0) {
                            candidates[candidateCount] = rc;
                            candidateWeight[candidateCount] = gain;
                            candidateCount++;
                            maxGain = Math.max(maxGain, gain);
                        }
                    }
                    if (candidateCount > 0) {
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
                        if (chosen != own) {
                            refined[v] = chosen;
                            refinedSize[own] = 0;
                            refinedStrength[own] = 0;
                            refinedSize[chosen]++;
                            refinedStrength[chosen] += kv;
                            refinedExternal[chosen] += weightInside[v] - 2 * weightTo[chosen];
                        }
                    }
                    clearTouched(touchedCount);
                }
            }
            return refined;
        }

        /** Sums {@code v}'s edge weights per neighbouring community into {@link #weightTo}. */
        private int weighNeighbourCommunities(WorkGraph g, int v, int[] community) {
            int touchedCount = 0;
            for (int s = g.offsets[v]; s < g.offsets[v + 1]; s++) {
                int c = community[g.targets[s]];
                if (!isTouched[c]) {
                    isTouched[c] = true;
                    weightTo[c] = 0;
                    touched[touchedCount++] = c;
                }
                weightTo[c] += g.weights[s];
            }
            return touchedCount;
        }

        private void clearTouched(int touchedCount) {
            for (int t = 0; t < touchedCount; t++) {
                isTouched[touched[t]] = false;
            }
        }
    }
}
