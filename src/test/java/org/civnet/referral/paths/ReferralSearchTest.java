package org.civnet.referral.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferralSearchTest {

    static final IntPredicate ANYONE = v -> true;
    static final IntPredicate NOBODY = v -> false;

    enum Risk { NONE, ELEVATED, HIGH }

    /** What the caller knows about a person; {@link #rules} mirrors how the service builds the predicate. */
    record Person(boolean consentToIntroduce, Risk risk, boolean excluded) {
        static Person ok() {
            return new Person(true, Risk.NONE, false);
        }
    }

    static IntPredicate rules(Person[] people, boolean allowAtRisk) {
        return v -> people[v].consentToIntroduce() && (allowAtRisk || people[v].risk() == Risk.NONE)
                && !people[v].excluded();
    }

    static Person[] everyoneOk(int n) {
        Person[] p = new Person[n];
        Arrays.fill(p, Person.ok());
        return p;
    }

    static double[] unitCosts(CsrGraph g) {
        double[] c = new double[g.edgeCount()];
        Arrays.fill(c, 1.0);
        return c;
    }

    static ReferralSearch search(CsrGraph g, IntPredicate rule, int maxHops) {
        return new ReferralSearch(g, unitCosts(g), rule, maxHops);
    }

    static List<List<Integer>> nodeLists(List<ReferralPath> paths) {
        return paths.stream().map(p -> Arrays.stream(p.nodes()).boxed().toList()).toList();
    }

    static double[] costs(List<ReferralPath> paths) {
        return paths.stream().mapToDouble(ReferralPath::cost).toArray();
    }

    static List<Integer> nodes(int... v) {
        return Arrays.stream(v).boxed().toList();
    }

    @Nested
    class Arguments {
        final CsrGraph g = CsrGraph.parse(3, "0-1, 1-2");

        @Test
        void constructorRejectsNullsAndBadCostsAndHops() {
            assertThatThrownBy(() -> new ReferralSearch(null, new double[0], ANYONE, 3))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, null, ANYONE, 3)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, unitCosts(g), null, 3))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, new double[1], ANYONE, 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, new double[] {1, 0}, ANYONE, 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, new double[] {1, Double.NaN}, ANYONE, 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, new double[] {1, Double.POSITIVE_INFINITY}, ANYONE, 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReferralSearch(g, unitCosts(g), ANYONE, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void queriesRejectBadVerticesAndCounts() {
            ReferralSearch s = search(g, ANYONE, 3);
            assertThatThrownBy(() -> s.kShortest(0, 3, 1, false)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.kShortest(-1, 2, 1, false)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.kShortest(0, 2, 0, false)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.bestToAll(3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.why(0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.reachability(0, null, 2)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> s.reachability(0, ANYONE, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.bestToAll(0).bestMatching(null, 1, false))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void siblingWithAnotherRuleAndHopLimitBehavesLikeAFreshSearch() {
            CsrGraph g5 = CsrGraph.parse(5, "0-1, 1-4, 0-2, 2-3, 3-4");
            ReferralSearch base = search(g5, ANYONE, 4);
            ReferralSearch strict = new ReferralSearch(base.graph(), v -> v != 1, 3);
            assertThat(strict.maxHops()).isEqualTo(3);
            assertThat(nodeLists(strict.kShortest(0, 4, 3, false))).containsExactly(nodes(0, 2, 3, 4));
            assertThat(nodeLists(base.kShortest(0, 4, 3, false))).containsExactly(nodes(0, 1, 4), nodes(0, 2, 3, 4));
            assertThat(new ReferralSearch(base.graph(), v -> v != 1, 2).why(0, 4))
                    .isEqualTo(UnreachableReason.ONLY_THROUGH_DISALLOWED);
            assertThatThrownBy(() -> new ReferralSearch(base.graph(), null, 3)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new ReferralSearch(base.graph(), ANYONE, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void ruleIsEvaluatedAtMostOncePerVertex() {
            CsrGraph g5 = CsrGraph.parse(5, "0-1, 1-4, 0-2, 2-3, 3-4, 1-2");
            int[] calls = new int[5];
            ReferralSearch s = search(g5, v -> ++calls[v] > 0, 4);
            s.kShortest(0, 4, 5, false);
            s.kShortest(4, 0, 5, true);
            s.bestToAll(0);
            s.reachability(0, v -> v == 4, 3);
            assertThat(calls).containsOnly(0, 1);
            assertThat(calls[1]).isEqualTo(1);
        }

        @Test
        void pathArraysAreCopiedOut() {
            ReferralPath p = search(g, ANYONE, 3).kShortest(0, 2, 1, false).get(0);
            p.nodes()[0] = 99;
            assertThat(p.nodes()).containsExactly(0, 1, 2);
        }
    }

    @Nested
    class Ladder {
        @Test
        void emptyGraphHasNoVertexToAskAbout() {
            CsrGraph g = CsrGraph.parse(0, "");
            ReferralSearch s = search(g, ANYONE, 2);
            assertThatThrownBy(() -> s.kShortest(0, 0, 1, false)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void oneVertexReachesItselfWithTheEmptyPath() {
            CsrGraph g = CsrGraph.parse(1, "");
            ReferralSearch s = search(g, NOBODY, 2);
            List<ReferralPath> paths = s.kShortest(0, 0, 3, false);
            assertThat(nodeLists(paths)).containsExactly(nodes(0));
            assertThat(paths.get(0).cost()).isZero();
            assertThat(paths.get(0).hops()).isZero();
            BestPaths best = s.bestToAll(0);
            assertThat(best.cost(0)).isZero();
            assertThat(best.hops(0)).isZero();
            assertThat(best.pathTo(0).orElseThrow().nodes()).containsExactly(0);
            assertThat(s.why(0, 0)).isEqualTo(UnreachableReason.REACHABLE);
            Reachability r = s.reachability(0, ANYONE, 2);
            assertThat(r.targetCount()).isZero();
            assertThat(r.reachableWithinHops()).containsExactly(0, 0, 0);
        }

        @Test
        void adjacentVerticesNeedNoIntermediary() {
            CsrGraph g = CsrGraph.parse(2, "0-1");
            ReferralSearch s = new ReferralSearch(g, new double[] {1.75}, NOBODY, 1);
            List<ReferralPath> paths = s.kShortest(0, 1, 3, false);
            assertThat(nodeLists(paths)).containsExactly(nodes(0, 1));
            ReferralPath p = paths.get(0);
            assertThat(p.cost()).isEqualTo(1.75);
            assertThat(p.hops()).isEqualTo(1);
            assertThat(p.edgeIds()).containsExactly(0);
            assertThat(p.intermediaries()).isEmpty();
            assertThat(p.firstAsk()).isEqualTo(-1);
            assertThat(p.score()).isCloseTo(1 / 2.75, within(1e-12));
            assertThat(s.kShortest(1, 0, 1, true)).hasSize(1);
            assertThat(s.why(0, 1)).isEqualTo(UnreachableReason.REACHABLE);
        }

        @Test
        void pathThroughAllowedPeople() {
            CsrGraph g = CsrGraph.parse(4, "0-1, 1-2, 2-3");
            ReferralPath p = search(g, ANYONE, 3).kShortest(0, 3, 2, false).get(0);
            assertThat(p.nodes()).containsExactly(0, 1, 2, 3);
            assertThat(p.edgeIds()).containsExactly(0, 1, 2);
            assertThat(p.cost()).isEqualTo(3.0);
            assertThat(p.intermediaries()).containsExactly(1, 2);
            assertThat(p.firstAsk()).isEqualTo(1);
        }

        @Test
        void starCentreMustConsent() {
            CsrGraph g = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4");
            assertThat(search(g, v -> v != 0, 4).kShortest(1, 2, 3, false)).isEmpty();
            assertThat(search(g, v -> v != 0, 4).why(1, 2)).isEqualTo(UnreachableReason.ONLY_THROUGH_DISALLOWED);
            assertThat(nodeLists(search(g, ANYONE, 4).kShortest(1, 2, 3, false))).containsExactly(nodes(1, 0, 2));
        }
    }

    @Nested
    class DoNoHarm {
        // 0 = officer, 4 = target; short route 0-1-4, long route 0-2-3-4.
        final CsrGraph g = CsrGraph.parse(5, "0-1, 1-4, 0-2, 2-3, 3-4");

        Person[] people() {
            Person[] p = everyoneOk(5);
            // Source and target need not satisfy the rules themselves.
            p[0] = new Person(false, Risk.HIGH, false);
            p[4] = new Person(false, Risk.HIGH, false);
            return p;
        }

        @Test
        void allowedShortcutIsPreferred() {
            List<ReferralPath> paths = search(g, rules(people(), false), 4).kShortest(0, 4, 3, false);
            assertThat(nodeLists(paths)).containsExactly(nodes(0, 1, 4), nodes(0, 2, 3, 4));
            assertThat(paths).extracting(ReferralPath::cost).containsExactly(2.0, 3.0);
        }

        @Test
        void nonConsentingShortcutIsNeverUsed() {
            Person[] p = people();
            p[1] = new Person(false, Risk.NONE, false);
            ReferralSearch s = search(g, rules(p, true), 4);
            assertThat(nodeLists(s.kShortest(0, 4, 3, false))).containsExactly(nodes(0, 2, 3, 4));
            assertThat(nodeLists(s.kShortest(0, 4, 3, true))).containsExactly(nodes(0, 2, 3, 4));
            assertThat(s.bestToAll(0).pathTo(4).orElseThrow().nodes()).containsExactly(0, 2, 3, 4);
            assertThat(s.bestToAll(0).cost(4)).isEqualTo(3.0);
            // 1 itself remains reachable as a target: only passing through 1 is forbidden.
            assertThat(s.bestToAll(0).pathTo(1).orElseThrow().nodes()).containsExactly(0, 1);
        }

        @Test
        void atRiskShortcutIsUsedOnlyWhenAtRiskIsAllowed() {
            Person[] p = people();
            p[1] = new Person(true, Risk.ELEVATED, false);
            assertThat(nodeLists(search(g, rules(p, false), 4).kShortest(0, 4, 3, false)))
                    .containsExactly(nodes(0, 2, 3, 4));
            assertThat(nodeLists(search(g, rules(p, true), 4).kShortest(0, 4, 3, false)))
                    .containsExactly(nodes(0, 1, 4), nodes(0, 2, 3, 4));
        }

        @Test
        void excludedShortcutIsNeverUsed() {
            Person[] p = people();
            p[1] = new Person(true, Risk.NONE, true);
            assertThat(nodeLists(search(g, rules(p, true), 4).kShortest(0, 4, 3, false)))
                    .containsExactly(nodes(0, 2, 3, 4));
        }

        @Test
        void targetReachableOnlyThroughExcludedPeopleGetsThatReason() {
            Person[] p = people();
            p[1] = new Person(true, Risk.NONE, true);
            p[3] = new Person(false, Risk.NONE, false);
            ReferralSearch s = search(g, rules(p, true), 10);
            assertThat(s.kShortest(0, 4, 3, false)).isEmpty();
            assertThat(s.bestToAll(0).isReachable(4)).isFalse();
            assertThat(s.bestToAll(0).cost(4)).isInfinite();
            assertThat(s.bestToAll(0).hops(4)).isEqualTo(-1);
            assertThat(s.bestToAll(0).pathTo(4)).isEmpty();
            assertThat(s.why(0, 4)).isEqualTo(UnreachableReason.ONLY_THROUGH_DISALLOWED);
        }

        @Test
        void maxHopsCutsOffTheOnlyAllowedRoute() {
            Person[] p = people();
            p[1] = new Person(false, Risk.NONE, false);
            ReferralSearch s = search(g, rules(p, false), 2);
            assertThat(s.kShortest(0, 4, 3, false)).isEmpty();
            // 0-1-4 has 2 hops but 1 does not consent; the allowed route has 3.
            assertThat(s.why(0, 4)).isEqualTo(UnreachableReason.ONLY_THROUGH_DISALLOWED);
        }
    }

    @Nested
    class HopLimit {
        final CsrGraph chain = CsrGraph.parse(6, "0-1, 1-2, 2-3, 3-4");

        @Test
        void longChainIsCutOffWithReasonNoPathWithinMaxHops() {
            ReferralSearch s = search(chain, ANYONE, 3);
            assertThat(s.kShortest(0, 4, 3, false)).isEmpty();
            assertThat(s.bestToAll(0).isReachable(4)).isFalse();
            assertThat(s.bestToAll(0).hops(3)).isEqualTo(3);
            assertThat(s.why(0, 4)).isEqualTo(UnreachableReason.NO_PATH_WITHIN_MAX_HOPS);
            assertThat(s.why(0, 3)).isEqualTo(UnreachableReason.REACHABLE);
            assertThat(search(chain, ANYONE, 4).kShortest(0, 4, 3, false)).hasSize(1);
        }

        @Test
        void isolatedTargetIsNotConnected() {
            assertThat(search(chain, ANYONE, 10).why(0, 5)).isEqualTo(UnreachableReason.NOT_CONNECTED);
        }

        // Cheapest 0->1 is 0-2-1 (cost 2, 2 hops); the direct tie 0-1 costs 10.
        final CsrGraph detour = CsrGraph.parse(4, "0-1, 0-2, 2-1, 1-3");
        final double[] detourCost = {10, 1, 1, 1};

        @Test
        void cheapestWithinTheBoundIsNotTheTruncatedCheapestPath() {
            BestPaths two = new ReferralSearch(detour, detourCost, ANYONE, 2).bestToAll(0);
            assertThat(two.pathTo(1).orElseThrow().nodes()).containsExactly(0, 2, 1);
            assertThat(two.cost(1)).isEqualTo(2.0);
            // Within 2 hops, 3 is reached through the expensive direct tie, not via 1's cheapest route.
            assertThat(two.pathTo(3).orElseThrow().nodes()).containsExactly(0, 1, 3);
            assertThat(two.pathTo(3).orElseThrow().edgeIds()).containsExactly(0, 3);
            assertThat(two.cost(3)).isEqualTo(11.0);
            assertThat(two.hops(3)).isEqualTo(2);
            assertThat(two.reachedCount()).isEqualTo(4);

            BestPaths three = new ReferralSearch(detour, detourCost, ANYONE, 3).bestToAll(0);
            assertThat(three.pathTo(3).orElseThrow().nodes()).containsExactly(0, 2, 1, 3);
            assertThat(three.cost(3)).isEqualTo(3.0);
            assertThat(three.hops(3)).isEqualTo(3);
        }

        @Test
        void kShortestHonoursTheBoundToo() {
            List<ReferralPath> two = new ReferralSearch(detour, detourCost, ANYONE, 2).kShortest(0, 3, 5, false);
            assertThat(nodeLists(two)).containsExactly(nodes(0, 1, 3));
            List<ReferralPath> three = new ReferralSearch(detour, detourCost, ANYONE, 3).kShortest(0, 3, 5, false);
            assertThat(nodeLists(three)).containsExactly(nodes(0, 2, 1, 3), nodes(0, 1, 3));
            assertThat(three).extracting(ReferralPath::cost).containsExactly(3.0, 11.0);
        }
    }

    @Nested
    class KShortest {
        static final long TODAY = 20_000;

        /**
         * Three disjoint routes from 0 to 5, edge costs by {@link TieCost} with default weights:
         * A 0-1-5: (trust 5, today) 1.0 + (trust 4, a year ago) 1 + 0.25 + 0.5*0.5 = 1.5 -> 2.5;
         * B 0-2-5: (unknown trust and date) 1 + 0.5 + 0.5 = 2.0 + (trust 5, today) 1.0 -> 3.0;
         * C 0-3-4-5: 1.0 + (trust 5, two years ago) 1 + 0.5*0.75 = 1.375
         * + (trust 2, today, through an organisation) (1 + 0.75) * 2.5 = 4.375 -> 6.75.
         */
        @Test
        void threeRoutesComeBackInCostOrderWithHandComputedCosts() {
            CsrGraph g = CsrGraph.parse(6, "0-1, 1-5, 0-2, 2-5, 0-3, 3-4, 4-5");
            int t = (int) TODAY;
            double[] cost = TieCost.costs(ReferralWeights.DEFAULTS,
                    new int[] {5, 4, 0, 5, 5, 5, 2},
                    new int[] {t, t - 365, TieCost.UNKNOWN_DATE, t, t, t - 730, t},
                    new boolean[] {false, false, false, false, false, false, true}, TODAY);
            ReferralSearch s = new ReferralSearch(g, cost, ANYONE, 3);
            List<ReferralPath> three = s.kShortest(0, 5, 3, false);
            assertThat(nodeLists(three)).containsExactly(nodes(0, 1, 5), nodes(0, 2, 5), nodes(0, 3, 4, 5));
            assertThat(costs(three)).containsExactly(new double[] {2.5, 3.0, 6.75}, within(1e-12));
            assertThat(three.get(2).edgeIds()).containsExactly(4, 5, 6);
            assertThat(s.kShortest(0, 5, 10, false)).isEqualTo(three);
            assertThat(s.kShortest(0, 5, 1, false)).containsExactly(three.get(0));
            // Same routes backwards.
            assertThat(costs(s.kShortest(5, 0, 3, false))).containsExactly(new double[] {2.5, 3.0, 6.75}, within(1e-12));
        }

        @Test
        void queryTowardsAHubComesBackOrientedFromTheSource() {
            // 6 is a hub; 0 a leaf. Routes 0-1-6 (1 + 2) and 0-2-3-6 (1 + 1 + 0.5).
            CsrGraph g = CsrGraph.parse(11, "0-1, 1-6, 0-2, 2-3, 3-6, 6-4, 6-5, 6-7, 6-8, 6-9, 6-10");
            double[] c = {1, 2, 1, 1, 0.5, 1, 1, 1, 1, 1, 1};
            ReferralSearch s = new ReferralSearch(g, c, ANYONE, 3);
            List<ReferralPath> to = s.kShortest(0, 6, 2, false);
            assertThat(nodeLists(to)).containsExactly(nodes(0, 2, 3, 6), nodes(0, 1, 6));
            assertThat(to.get(0).edgeIds()).containsExactly(2, 3, 4);
            assertThat(costs(to)).containsExactly(2.5, 3.0);
            assertThat(nodeLists(s.kShortest(6, 0, 2, false))).containsExactly(nodes(6, 3, 2, 0), nodes(6, 1, 0));
            assertThat(nodeLists(s.kShortest(0, 6, 2, true))).containsExactly(nodes(0, 2, 3, 6), nodes(0, 1, 6));
        }

        @Test
        void yenNeverReturnsAWalkWithALoop() {
            // 0-1-3 and 0-1-2-3 are the only simple paths; 0-1-2-1-3 and 0-1-3-2-... are walks.
            CsrGraph g = CsrGraph.parse(4, "0-1, 1-2, 2-3, 1-3");
            List<ReferralPath> paths = search(g, ANYONE, 6).kShortest(0, 3, 10, false);
            assertThat(nodeLists(paths)).containsExactly(nodes(0, 1, 3), nodes(0, 1, 2, 3));
            for (ReferralPath p : paths) {
                assertThat(Arrays.stream(p.nodes()).distinct().count()).isEqualTo(p.nodes().length);
            }
        }

        @Test
        void trustAndRecencyDecideTheRanking() {
            // X = 0-1-3: trust 5 but undated ties; Y = 0-2-3: trust 4, contacted today.
            CsrGraph g = CsrGraph.parse(4, "0-1, 1-3, 0-2, 2-3");
            int u = TieCost.UNKNOWN_DATE;
            int t = (int) TODAY;
            int[] trust = {5, 5, 4, 4};
            int[] last = {u, u, t, t};
            boolean[] weak = new boolean[4];
            // Defaults: X = 2 * (1 + 0 + 0.5) = 3.0; Y = 2 * (1 + 0.25 + 0) = 2.5.
            List<ReferralPath> defaults = new ReferralSearch(g,
                    TieCost.costs(ReferralWeights.DEFAULTS, trust, last, weak, TODAY), ANYONE, 3)
                    .kShortest(0, 3, 2, false);
            assertThat(nodeLists(defaults)).containsExactly(nodes(0, 2, 3), nodes(0, 1, 3));
            assertThat(costs(defaults)).containsExactly(new double[] {2.5, 3.0}, within(1e-12));
            // Ignoring recency: X = 2 * 1 = 2.0; Y = 2.5.
            ReferralWeights trustOnly = new ReferralWeights(1, 1, 0, 365, 1.5);
            List<ReferralPath> byTrust = new ReferralSearch(g,
                    TieCost.costs(trustOnly, trust, last, weak, TODAY), ANYONE, 3).kShortest(0, 3, 2, false);
            assertThat(nodeLists(byTrust)).containsExactly(nodes(0, 1, 3), nodes(0, 2, 3));
            assertThat(costs(byTrust)).containsExactly(new double[] {2.0, 2.5}, within(1e-12));
            // X's ties through an organisation: 2 * 1.5 * 2.5 = 7.5 > Y.
            List<ReferralPath> weakX = new ReferralSearch(g, TieCost.costs(ReferralWeights.DEFAULTS, trust, last,
                    new boolean[] {true, true, false, false}, TODAY), ANYONE, 3).kShortest(0, 3, 2, false);
            assertThat(costs(weakX)).containsExactly(new double[] {2.5, 7.5}, within(1e-12));
        }
    }

    @Nested
    class Disjoint {
        // 0-1-5 (2), 0-2-1-5 (3, shares 1), 0-3-4-5 (3.5).
        final CsrGraph g = CsrGraph.parse(6, "0-1, 1-5, 0-2, 2-1, 0-3, 3-4, 4-5");
        final double[] cost = {1, 1, 1, 1, 1, 1, 1.5};

        @Test
        void plainRankingMayShareAnIntermediary() {
            List<ReferralPath> paths = new ReferralSearch(g, cost, ANYONE, 4).kShortest(0, 5, 3, false);
            assertThat(nodeLists(paths)).containsExactly(nodes(0, 1, 5), nodes(0, 2, 1, 5), nodes(0, 3, 4, 5));
        }

        @Test
        void disjointAlternativesShareNoIntermediary() {
            List<ReferralPath> paths = new ReferralSearch(g, cost, ANYONE, 4).kShortest(0, 5, 3, true);
            assertThat(nodeLists(paths)).containsExactly(nodes(0, 1, 5), nodes(0, 3, 4, 5));
            assertThat(paths).extracting(ReferralPath::cost).containsExactly(2.0, 3.5);
        }

        @Test
        void directTieCountsOnceAmongDisjointAlternatives() {
            CsrGraph withDirect = CsrGraph.parse(6, "0-1, 1-5, 0-2, 2-1, 0-3, 3-4, 4-5, 0-5");
            double[] c = {1, 1, 1, 1, 1, 1, 1.5, 4};
            List<ReferralPath> paths = new ReferralSearch(withDirect, c, ANYONE, 4).kShortest(0, 5, 5, true);
            assertThat(nodeLists(paths)).containsExactly(nodes(0, 1, 5), nodes(0, 3, 4, 5), nodes(0, 5));
        }
    }

    @Nested
    class BestToAll {
        @Test
        void bestMatchingRanksTargetsAndSkipsTheSourceAndItsContacts() {
            // 0's contacts 1, 2; 3 via 1 (cost 2), 4 via 2 (cost 1.5 + 2 = 3.5), 5 via 1-3 (3).
            CsrGraph g = CsrGraph.parse(6, "0-1, 0-2, 1-3, 2-4, 3-5");
            double[] c = {1, 1.5, 1, 2, 1};
            BestPaths best = new ReferralSearch(g, c, ANYONE, 3).bestToAll(0);
            IntPredicate everyone = v -> true;
            assertThat(nodeLists(best.bestMatching(everyone, 10, true)))
                    .containsExactly(nodes(0, 1, 3), nodes(0, 1, 3, 5), nodes(0, 2, 4));
            assertThat(nodeLists(best.bestMatching(everyone, 2, false)))
                    .containsExactly(nodes(0, 1), nodes(0, 2));
            assertThat(best.bestMatching(v -> v == 4, 10, true)).extracting(ReferralPath::cost).containsExactly(3.5);
            assertThat(best.bestMatching(everyone, 0, true)).isEmpty();
        }

        @Test
        void intermediariesMustBeAllowedButEndpointsNeedNot() {
            CsrGraph g = CsrGraph.parse(4, "0-1, 1-2, 2-3");
            BestPaths best = search(g, v -> v != 2, 5).bestToAll(0);
            assertThat(best.isReachable(2)).isTrue();
            assertThat(best.isReachable(3)).isFalse();
            assertThat(best.reachedCount()).isEqualTo(3);
        }
    }
}
