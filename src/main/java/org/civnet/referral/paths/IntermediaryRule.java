package org.civnet.referral.paths;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Who may stand between source and target, asked at most once per vertex (JGraphT's
 * {@code PathValidator} plays this part there). A rule may be costly (it reads consent, risk and
 * an exclusion set), and a search asks it again and again about the vertices it touches.
 *
 * <p>The cache is a byte per vertex written without locking: a byte write is atomic, so a
 * concurrent reader sees either "unknown" (and asks the rule again, getting the same answer) or
 * the answer. The rule must therefore be a fixed function of the vertex.
 */
final class IntermediaryRule implements IntPredicate {

    private static final byte UNKNOWN = 0;
    private static final byte ALLOWED = 1;
    private static final byte DISALLOWED = 2;

    private final IntPredicate rule;
    private final byte[] state;

    private IntermediaryRule(IntPredicate rule, int vertexCount) {
        this.rule = rule;
        this.state = new byte[vertexCount];
    }

    /** {@code rule} with its answers cached for {@code vertexCount} vertices; a cached rule is returned as is. */
    static IntermediaryRule cached(IntPredicate rule, int vertexCount) {
        Objects.requireNonNull(rule, "mayIntermediate");
        if (rule instanceof IntermediaryRule c && c.state.length == vertexCount) {
            return c;
        }
        return new IntermediaryRule(rule, vertexCount);
    }

    @Override
    public boolean test(int v) {
        byte s = state[v];
        if (s == UNKNOWN) {
            s = rule.test(v) ? ALLOWED : DISALLOWED;
            state[v] = s;
        }
        return s == ALLOWED;
    }
}
