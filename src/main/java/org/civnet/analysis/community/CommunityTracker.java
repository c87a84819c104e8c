package org.civnet.analysis.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Stable numbers for the communities of a partition: each community of the current partition is
 * matched to the numbered communities of a previous one, so that the same group keeps its number
 * from one computation to the next, and says how it came about.
 *
 * <p><b>Definition.</b> Members are keys (vertex ids that survive renumbering between graph
 * versions). Only <em>persisting</em> members, those in both partitions, are compared: a newcomer
 * cannot tell which group is which, and a departed member is no longer anyone's. For a current
 * community {@code c} and a previous community {@code p} (their persisting members {@code c'},
 * {@code p'}), the overlap is {@code o = |c' ∩ p'|} and the Jaccard similarity
 * {@code J = o / |c' ∪ p'|}. Then, for each current community:
 * <ul>
 *   <li><b>continued</b> from {@code p} when {@code J(c, p) > 1/2}: it keeps {@code p}'s number.
 *       Above one half the match is one-to-one without any matching algorithm: if {@code c} had
 *       {@code J > 1/2} with two disjoint {@code p1}, {@code p2}, it would share more than half of
 *       its own members with each (and symmetrically for one {@code p} and two disjoint
 *       {@code c}s). So a maximum-weight bipartite matching on Jaccard restricted to pairs above
 *       one half is exactly this greedy rule;</li>
 *   <li><b>merged</b> when it holds more than half of the persisting members of two or more
 *       previous communities ({@code from}, ascending). It keeps the number of the one it
 *       continues, if any (a group that absorbed a smaller one), else gets a new number;</li>
 *   <li><b>split</b> from {@code p} when it neither continues nor merges, and more than half of its
 *       persisting members come from {@code p}: a piece of {@code p} (which may continue
 *       elsewhere, under its number, or have broken up). A new number;</li>
 *   <li><b>new</b> otherwise: no persisting members (a group of newcomers), or a mixture with no
 *       dominant origin. A new number.</li>
 * </ul>
 * New numbers are never reused: they start at the previous partition's high-water mark
 * ({@code previousNext}, at least its largest number + 1) and are given by size, largest first,
 * then by community index. Previous numbers carried by no current community are {@link #ended()}.
 * Without a previous partition every community is <b>new</b> and numbered by size rank (0 the
 * largest). The result depends only on the inputs (no hash order reaches it): same current
 * partition and same previous numbering, same numbers.
 *
 * <p><b>Citation.</b> D. Greene, D. Doyle, P. Cunningham, "Tracking the evolution of communities
 * in dynamic social networks", ASONAM 2010: step communities matched to the previous fronts by
 * Jaccard similarity above a threshold, with continuation, merge, split, birth and death events
 * (their threshold is a parameter, 0.1–0.5 in their experiments; 1/2 here, the least value that
 * makes the match one-to-one, so a number can never pass to two groups). The event kinds are
 * those of G. Palla, A.-L. Barabási, T. Vicsek, "Quantifying social group evolution", Nature 446
 * (2007), Fig. 1.
 *
 * <p><b>Cost.</b> {@code O(n + k log k)} expected time and {@code O(n + k)} memory for {@code n}
 * members and {@code k} communities (one hash look-up per current member; overlaps are
 * accumulated per current community over the previous communities it touches).
 *
 * @param <K> the member keys (equality and hash code only)
 */
public final class CommunityTracker<K> {

    /** How a current community relates to the previous partition. */
    public enum Change { CONTINUED, NEW, MERGED, SPLIT }

    /**
     * @param number     its stable number
     * @param change     how it came about
     * @param from       the previous numbers it came from, ascending: the one it continues, the ones it
     *                   merged, the one it split from; empty when new
     * @param similarity the largest Jaccard similarity (over persisting members) with a previous
     *                   community; 0 when none shares a member
     */
    public record Tracked(int number, Change change, List<Integer> from, double similarity) {
        public Tracked {
            Objects.requireNonNull(change, "change");
            from = List.copyOf(from);
        }
    }

    private final List<Tracked> tracked;
    private final List<Integer> ended;
    private final int nextNumber;

    /**
     * @param previous     each member of the previous partition and its number (empty: no previous
     *                     partition); numbers are non-negative
     * @param previousNext the previous high-water mark: new numbers start at the larger of this and
     *                     the largest previous number + 1
     * @param current      the communities of the current partition, each its members (disjoint)
     */
    public CommunityTracker(Map<K, Integer> previous, int previousNext, List<? extends Collection<K>> current) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        int k = current.size();
        int next = Math.max(0, previousNext);
        for (Integer number : previous.values()) {
            if (number == null || number < 0) {
                throw new IllegalArgumentException("previous numbers must be non-negative: " + number);
            }
            next = Math.max(next, number + 1);
        }
        // The persisting members of each previous community, and the overlaps of each current one.
        Map<Integer, Integer> persisting = new HashMap<>();
        List<TreeMap<Integer, Integer>> overlaps = new ArrayList<>(k);
        int[] persistingSize = new int[k];
        int[] size = new int[k];
        Map<K, Boolean> seen = new HashMap<>();
        for (int c = 0; c < k; c++) {
            TreeMap<Integer, Integer> overlap = new TreeMap<>();
            for (K member : current.get(c)) {
                if (seen.put(Objects.requireNonNull(member, "member"), Boolean.TRUE) != null) {
                    throw new IllegalArgumentException("member in two current communities: " + member);
                }
                size[c]++;
                Integer p = previous.get(member);
                if (p != null) {
                    persistingSize[c]++;
                    overlap.merge(p, 1, Integer::sum);
                    persisting.merge(p, 1, Integer::sum);
                }
            }
            overlaps.add(overlap);
        }
        Tracked[] result = new Tracked[k];
        TreeMap<Integer, Boolean> used = new TreeMap<>();
        List<Integer> needNumber = new ArrayList<>();
        Change[] change = new Change[k];
        List<List<Integer>> from = new ArrayList<>(k);
        double[] similarity = new double[k];
        int[] number = new int[k];
        for (int c = 0; c < k; c++) {
            int continues = -1;
            int dominant = -1;
            List<Integer> held = new ArrayList<>();
            double best = 0;
            for (Map.Entry<Integer, Integer> e : overlaps.get(c).entrySet()) {
                int p = e.getKey();
                int o = e.getValue();
                int pSize = persisting.get(p);
                double jaccard = (double) o / (persistingSize[c] + pSize - o);
                best = Math.max(best, jaccard);
                if (jaccard > 0.5) {
                    continues = p;
                }
                if (2L * o > pSize) {
                    held.add(p);
                }
                if (2L * o > persistingSize[c]) {
                    dominant = p;
                }
            }
            similarity[c] = best;
            if (held.size() >= 2) {
                change[c] = Change.MERGED;
                from.add(held);
            } else if (continues >= 0) {
                change[c] = Change.CONTINUED;
                from.add(List.of(continues));
            } else if (dominant >= 0) {
                change[c] = Change.SPLIT;
                from.add(List.of(dominant));
            } else {
                change[c] = Change.NEW;
                from.add(List.of());
            }
            if (continues >= 0) {
                number[c] = continues;
                used.put(continues, Boolean.TRUE);
            } else {
                needNumber.add(c);
            }
        }
        // New numbers by size, largest first, then by community index.
        needNumber.sort((a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        for (int c : needNumber) {
            number[c] = next++;
        }
        for (int c = 0; c < k; c++) {
            result[c] = new Tracked(number[c], change[c], from.get(c), similarity[c]);
        }
        TreeMap<Integer, Boolean> previousNumbers = new TreeMap<>();
        for (Integer p : previous.values()) {
            previousNumbers.put(p, Boolean.TRUE);
        }
        List<Integer> gone = new ArrayList<>();
        for (Integer p : previousNumbers.keySet()) {
            if (!used.containsKey(p)) {
                gone.add(p);
            }
        }
        this.tracked = List.of(result);
        this.ended = Collections.unmodifiableList(gone);
        this.nextNumber = next;
    }

    /** Each current community's number and change, indexed as the communities were given. */
    public List<Tracked> tracked() {
        return tracked;
    }

    public Tracked tracked(int community) {
        return tracked.get(community);
    }

    /** The number of each current community, indexed as the communities were given. */
    public int[] numbers() {
        return tracked.stream().mapToInt(Tracked::number).toArray();
    }

    /** Previous numbers no current community carries (its members left, merged or split up), ascending. */
    public List<Integer> ended() {
        return ended;
    }

    /** The high-water mark after this numbering: the first number the next new community will get. */
    public int nextNumber() {
        return nextNumber;
    }

    @Override
    public String toString() {
        return "CommunityTracker" + Arrays.toString(tracked.toArray()) + ", ended=" + ended + ", next=" + nextNumber;
    }
}
