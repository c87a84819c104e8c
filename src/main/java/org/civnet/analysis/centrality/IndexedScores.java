package org.civnet.analysis.centrality;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** An unmodifiable {@code Map<Integer, Double>} view of a score array indexed by vertex. */
final class IndexedScores extends AbstractMap<Integer, Double> {

    private final double[] scores;

    IndexedScores(double[] scores) {
        this.scores = scores;
    }

    /**
     * JGraphT's {@code getVertexScore} over a score array: the score of {@code v}, or an
     * {@link IllegalArgumentException} for a vertex the graph does not have (as JGraphT's scorers do).
     */
    static Double vertexScore(double[] scores, Integer v) {
        java.util.Objects.requireNonNull(v, "v");
        if (v < 0 || v >= scores.length) {
            throw new IllegalArgumentException("Cannot return score of unknown vertex " + v);
        }
        return scores[v];
    }

    @Override
    public int size() {
        return scores.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Integer i && i >= 0 && i < scores.length;
    }

    @Override
    public Double get(Object key) {
        return containsKey(key) ? scores[(Integer) key] : null;
    }

    @Override
    public Set<Entry<Integer, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return scores.length;
            }

            @Override
            public Iterator<Entry<Integer, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < scores.length;
                    }

                    @Override
                    public Entry<Integer, Double> next() {
                        if (next >= scores.length) {
                            throw new NoSuchElementException();
                        }
                        int v = next++;
                        return Map.entry(v, scores[v]);
                    }
                };
            }
        };
    }
}
