package org.civnet.analysis.community;

/**
 * The summed edge weight from one node to each community it touches, and the list of those communities, so
 * that weighing a node's options and forgetting them again cost its degree, not the number of communities.
 * Scratch for the local moves of {@link Louvain} and {@link Leiden}: sized for the base graph, reused node
 * after node; {@link #clear()} before the next node.
 */
final class NeighbourWeights {
    private final double[] weightTo;
    private final boolean[] isTouched;
    private final int[] touched;
    private int count;

    NeighbourWeights(int capacity) {
        weightTo = new double[capacity];
        isTouched = new boolean[capacity];
        touched = new int[capacity];
    }

    /** Sums {@code v}'s edge weights per neighbouring community. */
    void addNeighbours(WorkGraph g, int v, int[] community) {
        for (int s = g.offsets[v]; s < g.offsets[v + 1]; s++) {
            add(community[g.targets[s]], g.weights[s]);
        }
    }

    /** Adds {@code weight} to community {@code c}, listing {@code c} the first time it is touched. */
    void add(int c, double weight) {
        if (!isTouched[c]) {
            isTouched[c] = true;
            weightTo[c] = 0;
            touched[count++] = c;
        }
        weightTo[c] += weight;
    }

    /** How many communities were touched. */
    int count() {
        return count;
    }

    /** The {@code t}-th community touched, in the order they were first touched. */
    int community(int t) {
        return touched[t];
    }

    /** The weight to {@code c}; 0 when no edge reached it. */
    double weightTo(int c) {
        return isTouched[c] ? weightTo[c] : 0;
    }

    void clear() {
        for (int t = 0; t < count; t++) {
            isTouched[touched[t]] = false;
        }
        count = 0;
    }
}
