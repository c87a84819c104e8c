package org.civnet.analysis.community;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.support.ReferenceFiles;

/** Graphs and measures shared by the community tests. */
final class CommunityFixtures {

    private CommunityFixtures() {
    }

    /** Zachary's karate club with its interaction counts as weights (ignore them with weighted=false). */
    static CsrGraph karate() {
        List<String> lines = ReferenceFiles.lines("karate", "edges.csv");
        CsrGraph.Builder b = CsrGraph.builder(34);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            b.addEdge(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()), Double.parseDouble(f[2].trim()));
        }
        return b.build();
    }

    /** The {@code club} column of karate/nodes.csv as labels: 0 for "Mr. Hi", 1 for "Officer". */
    static int[] karateClubs() {
        List<String> lines = ReferenceFiles.lines("karate", "nodes.csv");
        int[] club = new int[34];
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            club[Integer.parseInt(f[0].trim())] = f[f.length - 1].trim().equals("Mr. Hi") ? 0 : 1;
        }
        return club;
    }

    /**
     * {@code groups} groups of {@code size} consecutive vertices; each pair inside a group is an
     * edge with probability {@code pIn}, across groups with {@code pOut} (sampled by geometric
     * skips so large sparse graphs stay cheap).
     */
    static CsrGraph plantedPartition(int groups, int size, double pIn, double pOut, long seed) {
        int n = groups * size;
        Random random = new Random(seed);
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int u = 0; u < n; u++) {
            int groupEnd = (u / size + 1) * size;
            addRandomEdges(b, random, u, u + 1, groupEnd, pIn);
            addRandomEdges(b, random, u, groupEnd, n, pOut);
        }
        return b.build();
    }

    private static void addRandomEdges(CsrGraph.Builder b, Random random, int u, int from, int to, double p) {
        if (p <= 0) {
            return;
        }
        double logQ = Math.log(1 - p);
        long v = from - 1;
        while (true) {
            v += p >= 1 ? 1 : 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / logQ);
            if (v >= to) {
                return;
            }
            b.addEdge(u, (int) v);
        }
    }

    static int[] plantedLabels(int groups, int size) {
        int[] labels = new int[groups * size];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = v / size;
        }
        return labels;
    }

    /** {@code cliques} cliques of {@code size} consecutive vertices, clique i joined to clique i+1 by one edge. */
    static CsrGraph ringOfCliques(int cliques, int size) {
        CsrGraph.Builder b = CsrGraph.builder(cliques * size);
        for (int c = 0; c < cliques; c++) {
            int first = c * size;
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    b.addEdge(first + i, first + j);
                }
            }
            b.addEdge(first + size - 1, ((c + 1) % cliques) * size);
        }
        return b.build();
    }

    /** Normalised mutual information (arithmetic mean normalisation, as scikit-learn's default). */
    static double nmi(int[] a, int[] b) {
        int n = a.length;
        int[] ca = Partitions.canonicalise(a);
        int[] cb = Partitions.canonicalise(b);
        int ka = Partitions.count(ca);
        int kb = Partitions.count(cb);
        double[][] joint = new double[ka][kb];
        double[] pa = new double[ka];
        double[] pb = new double[kb];
        for (int v = 0; v < n; v++) {
            joint[ca[v]][cb[v]] += 1.0 / n;
            pa[ca[v]] += 1.0 / n;
            pb[cb[v]] += 1.0 / n;
        }
        double mutual = 0;
        for (int i = 0; i < ka; i++) {
            for (int j = 0; j < kb; j++) {
                if (joint[i][j] > 0) {
                    mutual += joint[i][j] * Math.log(joint[i][j] / (pa[i] * pb[j]));
                }
            }
        }
        double ha = entropy(pa);
        double hb = entropy(pb);
        return ha + hb == 0 ? 1.0 : 2 * mutual / (ha + hb);
    }

    private static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x);
            }
        }
        return h;
    }

    /** True when every community of {@code p} induces a connected subgraph of {@code g}. */
    static boolean communitiesConnected(CsrGraph g, Partition p) {
        boolean[] seen = new boolean[g.vertexCount()];
        for (int[] members : p.members()) {
            int start = members[0];
            int c = p.communityOf(start);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            int reached = 1;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int w : g.neighbors(u)) {
                    if (!seen[w] && p.communityOf(w) == c) {
                        seen[w] = true;
                        reached++;
                        queue.add(w);
                    }
                }
            }
            if (reached != members.length) {
                return false;
            }
        }
        return true;
    }
}
