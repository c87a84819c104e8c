package org.civnet.analysis.centrality;

import java.util.Map;
import java.util.Objects;

import org.jgrapht.alg.interfaces.VertexScoringAlgorithm;

/**
 * The JGraphT scoring face of a score array indexed by vertex, shared by the betweenness scorers:
 * a copy of the array, one score, and JGraphT's map and per-vertex look-up (an unknown vertex is an
 * {@link IllegalArgumentException}, as in JGraphT's own scorers). A subclass says only where its
 * array is; it never hands it out.
 */
abstract class VertexScores implements VertexScoringAlgorithm<Integer, Double> {

    /** The scores, indexed by vertex; never modified after construction. */
    protected abstract double[] scoreArray();

    /** A copy of the scores, indexed by vertex. */
    public double[] scores() {
        return scoreArray().clone();
    }

    public double score(int v) {
        double[] scores = scoreArray();
        return scores[Objects.checkIndex(v, scores.length)];
    }

    /** Unmodifiable view of the scores keyed by vertex index. */
    @Override
    public Map<Integer, Double> getScores() {
        return new IndexedScores(scoreArray());
    }

    @Override
    public Double getVertexScore(Integer v) {
        return IndexedScores.vertexScore(scoreArray(), v);
    }
}
