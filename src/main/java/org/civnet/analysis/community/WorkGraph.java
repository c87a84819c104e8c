package org.civnet.analysis.community;

import java.util.Arrays;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The weighted graph the modularity optimisers work on: the input graph at level 0, then graphs
 * whose nodes are communities of the level below. An aggregated node keeps the weight of the edges
 * folded inside it only through its strength (the degree sum of its members), which is all that
 * modularity gains need: they equal those on the input graph.
 */
final class WorkGraph {

    final int nodeCount;
    final int[] offsets;
    final int[] targets;
    final double[] weights;
    /** Weighted degree {@code k_i} of each node: the degree sum of the input vertices it holds. */
    final double[] strengths;
    /** {@code 2m}: the sum of all strengths. */
    final double totalStrength;

    private WorkGraph(int nodeCount, int[] offsets, int[] targets, double[] weights, double[] strengths) {
        this.nodeCount = nodeCount;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.strengths = strengths;
        double total = 0;
        for (double s : strengths) {
            total += s;
        }
        this.totalStrength = total;
    }

    static WorkGraph of(CsrGraph g, boolean weighted) {
        int n = g.vertexCount();
        int slots = n == 0 ? 0 : g.offsetEnd(n - 1);
        int[] offsets = new int[n + 1];
        int[] targets = new int[slots];
        double[] weights = new double[slots];
        double[] strengths = new double[n];
        boolean useWeights = weighted && g.isWeighted();
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = g.offsetEnd(v);
            double k = 0;
            for (int s = g.offset(v); s < g.offsetEnd(v); s++) {
                targets[s] = g.target(s);
                double w = useWeights ? g.weight(s) : 1.0;
                weights[s] = w;
                k += w;
            }
            strengths[v] = k;
        }
        return new WorkGraph(n, offsets, targets, weights, strengths);
    }

    /**
     * The graph whose nodes are the communities {@code 0..count-1} of {@code communityOf}; edge
     * weights between communities are summed, edges inside a community are dropped (their weight
     * stays in the strength).
     */
    WorkGraph aggregate(int[] communityOf, int count) {
        int[] start = new int[count + 1];
        for (int i = 0; i < nodeCount; i++) {
            start[communityOf[i] + 1]++;
        }
        for (int c = 0; c < count; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, count);
        int[] nodesByCommunity = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodesByCommunity[fill[communityOf[i]]++] = i;
        }

        int[] newOffsets = new int[count + 1];
        int[] newTargets = new int[targets.length];
        double[] newWeights = new double[targets.length];
        double[] newStrengths = new double[count];
        double[] weightTo = new double[count];
        int[] lastSeenBy = new int[count];
        Arrays.fill(lastSeenBy, -1);
        int[] touched = new int[count];
        int out = 0;
        for (int c = 0; c < count; c++) {
            int touchedCount = 0;
            double strength = 0;
            for (int idx = start[c]; idx < start[c + 1]; idx++) {
                int i = nodesByCommunity[idx];
                strength += strengths[i];
                for (int s = offsets[i]; s < offsets[i + 1]; s++) {
                    int d = communityOf[targets[s]];
                    if (d != c) {
                        if (lastSeenBy[d] != c) {
                            lastSeenBy[d] = c;
                            weightTo[d] = 0;
                            touched[touchedCount++] = d;
                        }
                        weightTo[d] += weights[s];
                    }
                }
            }
            Arrays.sort(touched, 0, touchedCount);
            newOffsets[c] = out;
            for (int t = 0; t < touchedCount; t++) {
                newTargets[out] = touched[t];
                newWeights[out] = weightTo[touched[t]];
                out++;
            }
            newStrengths[c] = strength;
        }
        newOffsets[count] = out;
        return new WorkGraph(count, newOffsets, Arrays.copyOf(newTargets, out), Arrays.copyOf(newWeights, out),
                newStrengths);
    }
}
