package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Which groups (regions, countries, themes, organisation types, coalitions...) are cut off from, or
 * hang by a thread to, the UN human rights mechanisms; ranked by an isolation score.
 *
 * <p>Groups are given as one {@link BitSet} of member vertices per group, so a vertex may belong to
 * several groups (several themes) or none. Per group:
 * <ul>
 *   <li><b>Ties</b>: internal = edges with both ends in the group, external = edges with exactly
 *       one end in it (an edge to a vertex that is also a member is internal).</li>
 *   <li><b>E-I index</b> (Krackhardt &amp; Stern 1988, "Informal networks and organizational
 *       crises", Social Psychology Quarterly 51(2)): {@code (E - I) / (E + I)} in [-1, 1];
 *       +1 = all ties go outside, -1 = all ties stay inside. A group with no ties at all gets
 *       -1 (nothing reaches out). Note the index drifts towards -1 as a group grows, even under
 *       random mixing; compare groups of similar size.</li>
 *   <li><b>Unreachable share</b>: members with no path to any mandate, over the size.</li>
 *   <li><b>Hops</b>: median (mean of the two middle values for an even count, as Python's
 *       {@code statistics.median}) and max of the hops to the nearest mandate over reachable
 *       members; -1 when none is reachable.</li>
 *   <li><b>Single-point share</b>: members that one non-mandate vertex or one tie can cut off
 *       ({@link WeakPoints#hangsByThread(int)}), over the size.</li>
 *   <li><b>Brokers</b>: the non-mandate vertices whose removal would cut at least one member off
 *       from every mandate, with how many (the removed vertex itself not counted); a broker may be
 *       a member. Most members first, at most {@link Options#maxBrokers()}.</li>
 * </ul>
 *
 * <p><b>Isolation score</b> in [0, 1], a weighted sum of four terms each in [0, 1]
 * (default weights in brackets):
 * <pre>
 *   UNREACHABLE  (0.4)  unreachable share
 *   INWARD       (0.2)  (1 - EI) / 2 = I / (E + I): share of the group's ties that stay inside
 *   DISTANCE     (0.2)  min(1, medianHops / farHops), 1 when no member is reachable
 *   SINGLE_POINT (0.2)  single-point share
 * </pre>
 * The unreachable share dominates because those members are already lost; the single-point term is
 * what "hangs by a thread" means. An empty group scores 0. The {@link Explanation} lists each
 * term's value, weight and contribution so a caller can write the sentence.
 *
 * <p><b>Ranking</b>: score descending (scores equal to 1e-9 are ties), then groups at risk first (a
 * group is at risk when at least one member is in the at-risk set of the {@link WeakPoints}), then
 * more at-risk members, then group index.
 *
 * <p>Cost: {@code O(g n + sum of member degrees)} for {@code g} groups, after the
 * {@code O(n + m)} of {@link MandateReach} and {@link WeakPoints}. Immutable and thread-safe.
 */
public final class GroupIsolation {

    /**
     * @param unreachableWeight weight of the unreachable share
     * @param inwardWeight      weight of the inward share of ties
     * @param distanceWeight    weight of the median distance
     * @param singlePointWeight weight of the single-point share
     * @param farHops           median hops at which the distance term saturates at 1 (an
     *                          introduction chain of this many steps is "far")
     * @param maxBrokers        brokers kept per group
     */
    public record Options(double unreachableWeight, double inwardWeight, double distanceWeight,
                          double singlePointWeight, int farHops, int maxBrokers) {

        public static final Options DEFAULTS = new Options(0.4, 0.2, 0.2, 0.2, 4, 5);

        public Options {
            double[] weights = {unreachableWeight, inwardWeight, distanceWeight, singlePointWeight};
            double sum = 0;
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("weights must be finite and >= 0");
                }
                sum += w;
            }
            if (Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalArgumentException("weights must sum to 1, got " + sum);
            }
            if (farHops < 1) {
                throw new IllegalArgumentException("farHops must be >= 1");
            }
            if (maxBrokers < 0) {
                throw new IllegalArgumentException("maxBrokers must be >= 0");
            }
        }
    }

    /** The terms of the isolation score. */
    public enum Factor { UNREACHABLE, INWARD, DISTANCE, SINGLE_POINT }

    /** One term: its value in [0, 1], its weight, and value times weight. */
    public record Term(Factor factor, double value, double weight, double contribution) {
    }

    /**
     * @param terms    the four terms in {@link Factor} order
     * @param dominant the term contributing most (first in {@link Factor} order on a tie), or
     *                 {@code null} when the score is 0
     */
    public record Explanation(List<Term> terms, Factor dominant) {
        public Explanation {
            terms = List.copyOf(terms);
        }
    }

    /**
     * @param vertex        the broker
     * @param membersCutOff members (other than the broker) that would lose every path to a mandate
     * @param member        whether the broker belongs to the group
     */
    public record Broker(int vertex, int membersCutOff, boolean member) {
    }

    /** Everything computed for one group; see the class documentation for each figure. */
    public record GroupReport(int group, int size, int atRiskMembers, boolean atRisk,
                              int internalTies, int externalTies, double eiIndex,
                              int unreachableMembers, double unreachableShare,
                              double medianHops, int maxHops,
                              int singlePointMembers, double singlePointShare,
                              List<Broker> brokers, double score, Explanation explanation) {
        public GroupReport {
            brokers = List.copyOf(brokers);
        }
    }

    private static final Comparator<GroupReport> RANKING = Comparator
            .comparingLong((GroupReport r) -> -Math.round(r.score() * 1e9))
            .thenComparing(r -> !r.atRisk())
            .thenComparingInt(r -> -r.atRiskMembers())
            .thenComparingInt(GroupReport::group);

    private final List<GroupReport> reports;
    private final List<GroupReport> ranking;

    public GroupIsolation(WeakPoints weakPoints, List<BitSet> groups, Options options) {
        Objects.requireNonNull(weakPoints, "weakPoints");
        Objects.requireNonNull(options, "options");
        MandateReach reach = weakPoints.reach();
        List<BitSet> members = Checks.groups(groups, reach.graph().vertexCount());
        BitSet atRisk = weakPoints.atRisk();
        BitSet threads = weakPoints.threads();
        List<GroupReport> all = new ArrayList<>(members.size());
        for (int g = 0; g < members.size(); g++) {
            all.add(evaluate(g, members.get(g), reach, weakPoints, atRisk, threads, options));
        }
        this.reports = List.copyOf(all);
        List<GroupReport> ranked = new ArrayList<>(all);
        ranked.sort(RANKING);
        this.ranking = List.copyOf(ranked);
    }

    public GroupIsolation(WeakPoints weakPoints, List<BitSet> groups) {
        this(weakPoints, groups, Options.DEFAULTS);
    }

    private static GroupReport evaluate(int g, BitSet group, MandateReach reach, WeakPoints weak,
                                        BitSet atRisk, BitSet threads, Options o) {
        CsrGraph graph = reach.graph();
        int size = group.cardinality();
        long internalEnds = 0;
        int external = 0;
        int unreachable = 0;
        int[] hops = new int[size];
        int reachable = 0;
        for (int v = group.nextSetBit(0); v >= 0; v = group.nextSetBit(v + 1)) {
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                if (group.get(graph.target(s))) {
                    internalEnds++;
                } else {
                    external++;
                }
            }
            int h = reach.hops(v);
            if (h < 0) {
                unreachable++;
            } else {
                hops[reachable++] = h;
            }
        }
        int internal = (int) (internalEnds / 2);
        int ties = internal + external;
        double ei = ties == 0 ? -1.0 : (double) (external - internal) / ties;
        Arrays.sort(hops, 0, reachable);
        double median = reachable == 0 ? -1.0
                : reachable % 2 == 1 ? hops[reachable / 2]
                : (hops[reachable / 2 - 1] + hops[reachable / 2]) / 2.0;
        int max = reachable == 0 ? -1 : hops[reachable - 1];

        BitSet fragile = (BitSet) group.clone();
        fragile.and(threads);
        int singlePoint = fragile.cardinality();
        BitSet risky = (BitSet) group.clone();
        risky.and(atRisk);
        int atRiskMembers = risky.cardinality();

        double unreachableShare = size == 0 ? 0.0 : (double) unreachable / size;
        double singlePointShare = size == 0 ? 0.0 : (double) singlePoint / size;
        double inward = (1.0 - ei) / 2.0;
        double distance = reachable == 0 ? 1.0 : Math.min(1.0, median / o.farHops());
        double[] values = size == 0 ? new double[4]
                : new double[] {unreachableShare, inward, distance, singlePointShare};
        double[] weights = {o.unreachableWeight(), o.inwardWeight(), o.distanceWeight(),
                o.singlePointWeight()};
        List<Term> terms = new ArrayList<>(4);
        double score = 0;
        Factor dominant = null;
        double best = 0;
        for (Factor f : Factor.values()) {
            double contribution = values[f.ordinal()] * weights[f.ordinal()];
            terms.add(new Term(f, values[f.ordinal()], weights[f.ordinal()], contribution));
            score += contribution;
            if (contribution > best) {
                best = contribution;
                dominant = f;
            }
        }
        score = Math.min(1.0, Math.max(0.0, score));
        return new GroupReport(g, size, atRiskMembers, atRiskMembers > 0, internal, external, ei,
                unreachable, unreachableShare, median, max, singlePoint, singlePointShare,
                brokers(group, weak, reach, o.maxBrokers()), score, new Explanation(terms, dominant));
    }

    private static List<Broker> brokers(BitSet group, WeakPoints weak, MandateReach reach, int limit) {
        if (limit == 0 || group.isEmpty()) {
            return List.of();
        }
        int[] cut = weak.cutOffCounts(group);
        List<Broker> found = new ArrayList<>();
        for (int v = 0; v < cut.length; v++) {
            if (cut[v] > 0 && !reach.isMandate(v)) {
                found.add(new Broker(v, cut[v], group.get(v)));
            }
        }
        found.sort(Comparator.comparingInt((Broker b) -> -b.membersCutOff())
                .thenComparingInt(Broker::vertex));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** Groups ranked most isolated first (see the class documentation). */
    public List<GroupReport> ranking() {
        return ranking;
    }

    /** The report of group {@code g}, in input order. */
    public GroupReport report(int g) {
        return reports.get(Objects.checkIndex(g, reports.size()));
    }

    /** Reports in input order. */
    public List<GroupReport> reports() {
        return reports;
    }

    /**
     * Groups from a group index per vertex ({@code -1} = in no group); the group count is the
     * largest index + 1.
     */
    public static List<BitSet> groupsFromIndex(int[] groupOf) {
        Objects.requireNonNull(groupOf, "groupOf");
        List<BitSet> groups = new ArrayList<>();
        for (int v = 0; v < groupOf.length; v++) {
            addMembership(groups, v, groupOf[v]);
        }
        return List.copyOf(groups);
    }

    /** Groups from the list of group indices of each vertex (several themes per contact). */
    public static List<BitSet> groupsFromMemberships(int[][] groupsOf) {
        Objects.requireNonNull(groupsOf, "groupsOf");
        List<BitSet> groups = new ArrayList<>();
        for (int v = 0; v < groupsOf.length; v++) {
            if (groupsOf[v] != null) {
                for (int g : groupsOf[v]) {
                    addMembership(groups, v, g);
                }
            }
        }
        return List.copyOf(groups);
    }

    private static void addMembership(List<BitSet> groups, int v, int g) {
        if (g < -1) {
            throw new IllegalArgumentException("group index of vertex " + v + " is " + g);
        }
        if (g == -1) {
            return;
        }
        while (groups.size() <= g) {
            groups.add(new BitSet());
        }
        groups.get(g).set(v);
    }
}
