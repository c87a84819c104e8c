package org.civnet.analysis.community;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.civnet.analysis.graph.CsrGraph;

/** Helpers shared by the algorithms: canonical labels, random orders, splitting into connected parts. */
final class Partitions {

    private Partitions() {
    }

    /** {@link #canonicalise} for the vertices of {@code graph}: one label per vertex, or it throws. */
    static int[] canonicalLabelsOf(CsrGraph graph, int[] labels) {
        Objects.requireNonNull(graph, "graph");
        int[] canonical = canonicalise(labels);
        if (canonical.length != graph.vertexCount()) {
            throw new IllegalArgumentException("labels has " + canonical.length + " entries for "
                    + graph.vertexCount() + " vertices");
        }
        return canonical;
    }

    /** Relabels to ids {@code 0..k-1} numbered by smallest vertex; the input is left untouched. */
    static int[] canonicalise(int[] labels) {
        Objects.requireNonNull(labels, "labels");
        int n = labels.length;
        int[] canonical = new int[n];
        boolean dense = true;
        for (int label : labels) {
            if (label < 0 || label >= n) {
                dense = false;
                break;
            }
        }
        int next = 0;
        if (dense) {
            int[] idOfLabel = new int[n];
            Arrays.fill(idOfLabel, -1);
            for (int v = 0; v < n; v++) {
                int l = labels[v];
                if (idOfLabel[l] < 0) {
                    idOfLabel[l] = next++;
                }
                canonical[v] = idOfLabel[l];
            }
        } else {
            // Only looked up, never iterated, so hash order cannot leak into the result.
            Map<Integer, Integer> idOfLabel = new HashMap<>();
            for (int v = 0; v < n; v++) {
                Integer id = idOfLabel.get(labels[v]);
                if (id == null) {
                    id = next++;
                    idOfLabel.put(labels[v], id);
                }
                canonical[v] = id;
            }
        }
        return canonical;
    }

    /** Renumbers {@code labels} in place by first appearance; returns the number of ids. */
    static int renumberInPlace(int[] labels, int[] scratch) {
        Arrays.fill(scratch, -1);
        int next = 0;
        for (int v = 0; v < labels.length; v++) {
            int l = labels[v];
            if (scratch[l] < 0) {
                scratch[l] = next++;
            }
            labels[v] = scratch[l];
        }
        return next;
    }

    /** Number of communities of a canonical labelling. */
    static int count(int[] canonical) {
        int max = -1;
        for (int c : canonical) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /**
     * Gains (in edge-weight units) closer than this to the current one are ties, so rounding noise
     * cannot make a node move back and forth.
     */
    static double gainTolerance(double strength) {
        return 1e-12 * Math.max(1.0, strength);
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher–Yates shuffle of {@code a[0..length)}, drawing from {@code rng}. */
    static void shuffle(int[] a, int length, SplittableRandom rng) {
        for (int i = length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Splits every community into its connected parts (edges between members only) and returns a
     * canonical labelling. Splitting never lowers modularity: no edge is cut and the null-model
     * penalty {@code Σ_c K_c²} can only shrink.
     */
    static int[] splitDisconnected(CsrGraph g, int[] labels) {
        int n = g.vertexCount();
        int[] part = new int[n];
        Arrays.fill(part, -1);
        int[] stack = new int[n];
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (part[s] >= 0) {
                continue;
            }
            int id = next++;
            part[s] = id;
            int top = 0;
            stack[top++] = s;
            while (top > 0) {
                int u = stack[--top];
                for (int slot = g.offset(u); slot < g.offsetEnd(u); slot++) {
                    int w = g.target(slot);
                    if (part[w] < 0 && labels[w] == labels[u]) {
                        part[w] = id;
                        stack[top++] = w;
                    }
                }
            }
        }
        return part;
    }
}
