package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * What happens if some vertices are lost (a broker arrested, an organisation closed, a contact who
 * withdraws): who loses every path to the UN human rights mechanisms, and which groups are cut off.
 *
 * <p>Definitions. The removed vertices and their ties are deleted (removed mandates included: this
 * is a what-if, unlike {@link WeakPoints}). A vertex <em>loses every path</em> when it is not
 * removed, reached a mandate before and reaches none after. Reachability before is over all
 * {@code n} vertices; after, over the {@code n - removed} that remain. A group's unreachable share
 * after is over its remaining members (1 when every member was removed); a group is reported when
 * that share rises, and is <em>isolated after</em> when some member reached a mandate before and no
 * remaining member does.
 *
 * <p>Cost: one breadth-first search, {@code O(n + m)}, plus {@code O(total group size)}.
 * Immutable and thread-safe.
 */
public final class Resilience {

    /** Vertices with a path to a mandate, out of {@code vertices}, and the share. */
    public record Reachability(int reachable, int vertices, double share) {
    }

    /**
     * One group whose unreachable share rises.
     *
     * @param membersCutOff members that lost every path (not counting removed members)
     * @param isolatedAfter some member reached a mandate before and no remaining member does
     */
    public record GroupChange(int group, int membersBefore, double unreachableShareBefore,
                              int membersAfter, double unreachableShareAfter, int membersCutOff,
                              boolean isolatedAfter) {
        public double increase() {
            return unreachableShareAfter - unreachableShareBefore;
        }
    }

    private final MandateReach before;
    private final BitSet removed;
    private final int[] hopsAfter;
    private final List<Integer> lost;
    private final List<Integer> atRiskLost;
    private final Reachability reachabilityBefore;
    private final Reachability reachabilityAfter;
    private final List<GroupChange> groupChanges;

    /**
     * @param before  reachability of the intact network
     * @param removed the vertices to remove
     * @param atRisk  the at-risk vertices, to single out among those who lose every path
     * @param groups  member sets, as for {@link GroupIsolation}; may be empty
     */
    public Resilience(MandateReach before, BitSet removed, BitSet atRisk, List<BitSet> groups) {
        this.before = Objects.requireNonNull(before, "before");
        CsrGraph graph = before.graph();
        int n = graph.vertexCount();
        this.removed = Checks.vertexSet(removed, n, "removed");
        BitSet risky = Checks.vertexSet(atRisk, n, "atRisk");
        List<BitSet> members = Checks.groups(groups, n);

        hopsAfter = new int[n];
        Arrays.fill(hopsAfter, -1);
        int[] queue = new int[n];
        int tail = 0;
        BitSet mandates = before.mandates();
        for (int m = mandates.nextSetBit(0); m >= 0; m = mandates.nextSetBit(m + 1)) {
            if (!this.removed.get(m)) {
                hopsAfter[m] = 0;
                queue[tail++] = m;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int w = graph.target(s);
                if (hopsAfter[w] < 0 && !this.removed.get(w)) {
                    hopsAfter[w] = hopsAfter[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        List<Integer> lostAll = new ArrayList<>();
        List<Integer> lostAtRisk = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (!this.removed.get(v) && before.isReachable(v) && hopsAfter[v] < 0) {
                lostAll.add(v);
                if (risky.get(v)) {
                    lostAtRisk.add(v);
                }
            }
        }
        this.lost = List.copyOf(lostAll);
        this.atRiskLost = List.copyOf(lostAtRisk);
        this.reachabilityBefore = new Reachability(before.reachableCount(), n, before.reachableShare());
        int remaining = n - this.removed.cardinality();
        this.reachabilityAfter = new Reachability(tail, remaining,
                remaining == 0 ? 0.0 : (double) tail / remaining);
        this.groupChanges = compareGroups(members);
    }

    private List<GroupChange> compareGroups(List<BitSet> groups) {
        List<GroupChange> changes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            BitSet group = groups.get(g);
            int size = 0;
            int unreachableBefore = 0;
            int remaining = 0;
            int reachableAfter = 0;
            int cutOff = 0;
            for (int v = group.nextSetBit(0); v >= 0; v = group.nextSetBit(v + 1)) {
                size++;
                boolean wasReachable = before.isReachable(v);
                if (!wasReachable) {
                    unreachableBefore++;
                }
                if (removed.get(v)) {
                    continue;
                }
                remaining++;
                if (hopsAfter[v] >= 0) {
                    reachableAfter++;
                } else if (wasReachable) {
                    cutOff++;
                }
            }
            if (size == 0) {
                continue;
            }
            double shareBefore = (double) unreachableBefore / size;
            double shareAfter = remaining == 0 ? 1.0 : (double) (remaining - reachableAfter) / remaining;
            if (shareAfter > shareBefore + 1e-12) {
                boolean isolated = unreachableBefore < size && reachableAfter == 0;
                changes.add(new GroupChange(g, size, shareBefore, remaining, shareAfter, cutOff, isolated));
            }
        }
        changes.sort(Comparator.comparingDouble((GroupChange c) -> -c.increase())
                .thenComparingInt(GroupChange::group));
        return List.copyOf(changes);
    }

    /** Vertices that lose every path to a mandate, ascending. */
    public List<Integer> lostAllPaths() {
        return lost;
    }

    /** The at-risk vertices among {@link #lostAllPaths()}, ascending. */
    public List<Integer> atRiskLostAllPaths() {
        return atRiskLost;
    }

    public Reachability before() {
        return reachabilityBefore;
    }

    public Reachability after() {
        return reachabilityAfter;
    }

    /** Groups whose unreachable share rises, largest rise first. */
    public List<GroupChange> groupChanges() {
        return groupChanges;
    }

    /** Hops to the nearest remaining mandate after the removal; -1 when cut off or removed. */
    public int hopsAfter(int v) {
        return hopsAfter[Checks.vertex(v, hopsAfter.length)];
    }

    /** A copy of the removed set. */
    public BitSet removed() {
        return (BitSet) removed.clone();
    }
}
