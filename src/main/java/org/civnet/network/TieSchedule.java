package org.civnet.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Orders the ties of an import into rounds of groups so that the groups of one round can be
 * written at the same time without two transactions ever touching the same node, hence without
 * waiting on each other's node locks and without deadlocks.
 *
 * <p>Every node id falls into one of {@code parts} parts (an even number, by a hash of the id); the
 * ties between part {@code i} and part {@code j} form the cell {i, j}. A round holds cells whose
 * parts are pairwise distinct: first the diagonal (every {i, i}), then the {@code parts - 1} rounds
 * of a round-robin tournament (the circle method), each pairing all parts. Two groups of one round
 * therefore touch disjoint sets of nodes; the rounds run one after another. With {@code parts} twice
 * the number of writers, every round has at least as many groups as writers and, for ends spread
 * evenly over the parts, the same number of ties in each group: the diagonal cells hold 1/parts²
 * of the ties each, the other cells 2/parts².
 *
 * <p>Cost: one pass over the ties, O(m) time and the lists' references in memory.
 */
final class TieSchedule<T> {

    private final List<List<List<T>>> rounds;

    private TieSchedule(List<List<List<T>>> rounds) {
        this.rounds = rounds;
    }

    /**
     * @param ties  what to schedule
     * @param ends  the two node ids a tie joins
     * @param parts the number of parts, even and at least 2
     */
    static <T> TieSchedule<T> of(List<T> ties, Function<T, String[]> ends, int parts) {
        if (parts < 2 || parts % 2 != 0) {
            throw new IllegalArgumentException("parts must be even and at least 2: " + parts);
        }
        List<List<List<T>>> cells = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            List<List<T>> row = new ArrayList<>(parts);
            for (int j = 0; j < parts; j++) {
                row.add(i <= j ? new ArrayList<>() : null);
            }
            cells.add(row);
        }
        for (T tie : ties) {
            String[] two = ends.apply(tie);
            int a = partOf(two[0], parts);
            int b = partOf(two[1], parts);
            cells.get(Math.min(a, b)).get(Math.max(a, b)).add(tie);
        }
        List<List<List<T>>> rounds = new ArrayList<>(parts);
        List<List<T>> diagonal = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            diagonal.add(cells.get(i).get(i));
        }
        rounds.add(diagonal);
        int circle = parts - 1;
        for (int r = 0; r < circle; r++) {
            List<List<T>> round = new ArrayList<>(parts / 2);
            round.add(cell(cells, r, circle));
            for (int k = 1; k < parts / 2; k++) {
                round.add(cell(cells, (r + k) % circle, (r - k + circle) % circle));
            }
            rounds.add(round);
        }
        return new TieSchedule<>(rounds);
    }

    /** Everything in one group of one round: for imports too small to be worth splitting. */
    static <T> TieSchedule<T> single(List<T> ties) {
        return new TieSchedule<>(List.of(List.of(ties)));
    }

    private static <T> List<T> cell(List<List<List<T>>> cells, int a, int b) {
        return cells.get(Math.min(a, b)).get(Math.max(a, b));
    }

    /** The part of a node id: a mixed hash, so ids that differ only at the end spread too. */
    static int partOf(String id, int parts) {
        int h = id.hashCode() * 0x9E3779B9;
        return Integer.remainderUnsigned(h ^ (h >>> 16), parts);
    }

    /** The rounds, in order; each round's groups share no node. Empty groups are left out. */
    List<List<List<T>>> rounds() {
        List<List<List<T>>> out = new ArrayList<>(rounds.size());
        for (List<List<T>> round : rounds) {
            List<List<T>> groups = round.stream().filter(g -> !g.isEmpty()).toList();
            if (!groups.isEmpty()) {
                out.add(groups);
            }
        }
        return out;
    }
}
