package org.civnet.analysis.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civnet.analysis.privacy.ReidentificationGate.Release.COARSEN;
import static org.civnet.analysis.privacy.ReidentificationGate.Release.KEEP;
import static org.civnet.analysis.privacy.ReidentificationGate.Release.WITHHOLD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.privacy.ReidentificationGate.Reason;
import org.civnet.analysis.privacy.ReidentificationGate.Release;
import org.civnet.support.ReferenceFiles;
import org.junit.jupiter.api.Test;

/**
 * The gate from the empty graph up to the reference graphs: hand-checked decisions on small graphs,
 * then, on Zachary's karate club, Krackhardt's kite and random graphs, the released view checked by
 * an independent count: every released pseudonymised vertex has classes of at least k.
 */
class ReidentificationGateTest {

    private static ReidentificationGate gate(CsrGraph g, String[] cats, String[] regions, boolean[] pseudo, int k) {
        return new ReidentificationGate(g, cats, regions, pseudo, null, k);
    }

    private static String[] fill(int n, String value) {
        String[] out = new String[n];
        Arrays.fill(out, value);
        return out;
    }

    private static boolean[] all(int n) {
        boolean[] out = new boolean[n];
        Arrays.fill(out, true);
        return out;
    }

    @Test
    void theEmptyGraphReleasesNothingInOneRound() {
        ReidentificationGate g = gate(CsrGraph.builder(0).build(), new String[0], new String[0], new boolean[0], 5);
        assertThat(g.vertexCount()).isZero();
        assertThat(g.rounds()).isEqualTo(1);
    }

    @Test
    void aLonePseudonymisedPersonIsCoarsenedThenWithheldForItsDegreeClass() {
        ReidentificationGate g = gate(CsrGraph.builder(1).build(), fill(1, "Contact:DEFENDER"), fill(1, "AFRICA"), all(1), 5);
        assertThat(g.release(0)).isEqualTo(WITHHOLD);
        assertThat(g.reason(0)).isEqualTo(Reason.DEGREE_CLASS_BELOW_K);
        assertThat(g.rounds()).isEqualTo(3);
    }

    @Test
    void kOfOneKeepsEveryone() {
        ReidentificationGate g = gate(CsrGraph.builder(1).build(), fill(1, "Contact:DEFENDER"), fill(1, "AFRICA"), all(1), 1);
        assertThat(g.release(0)).isEqualTo(KEEP);
        assertThat(g.degreeClass(0)).isEqualTo(1);
    }

    @Test
    void namedPeopleAreNeverCoarsenedNorCounted() {
        ReidentificationGate g = gate(CsrGraph.builder(3).build(), fill(3, "Contact:DEFENDER"), fill(3, "AFRICA"),
                new boolean[] {false, false, false}, 5);
        for (int v = 0; v < 3; v++) {
            assertThat(g.release(v)).isEqualTo(KEEP);
            assertThat(g.degreeClass(v)).isZero();
        }
    }

    /** Five pseudonymised leaves of one kind and region around a named organisation: each hides among five. */
    @Test
    void aStarOfFiveAlikeLeavesKeepsThemAll() {
        CsrGraph star = CsrGraph.parse(6, "0-1, 0-2, 0-3, 0-4, 0-5");
        String[] cats = {"Organisation:NGO", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER"};
        boolean[] pseudo = {false, true, true, true, true, true};
        ReidentificationGate g = gate(star, cats, fill(6, "AFRICA"), pseudo, 5);
        for (int v = 1; v <= 5; v++) {
            assertThat(g.release(v)).isEqualTo(KEEP);
            assertThat(g.degreeClass(v)).isEqualTo(5);
            assertThat(g.neighbourhoodClass(v)).isEqualTo(5);
        }
        assertThat(g.releasedDegree(0)).isEqualTo(5);
    }

    /** Four leaves: coarsening cannot help (they are all alike already), so all four go with their ties. */
    @Test
    void aStarOfFourLeavesWithholdsThemAndTheHubLosesItsTies() {
        CsrGraph star = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4");
        String[] cats = {"Organisation:NGO", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER"};
        ReidentificationGate g = gate(star, cats, fill(5, "AFRICA"), new boolean[] {false, true, true, true, true}, 5);
        for (int v = 1; v <= 4; v++) {
            assertThat(g.release(v)).isEqualTo(WITHHOLD);
            assertThat(g.reason(v)).isEqualTo(Reason.DEGREE_CLASS_BELOW_K);
        }
        assertThat(g.releasedDegree(0)).isZero();
        assertThat(g.count(WITHHOLD)).isEqualTo(4);
    }

    /** Three leaves in Africa and two in Asia: each region alone is too small; with regions withheld they hide among five. */
    @Test
    void leavesOfTwoSmallRegionsAreCoarsenedIntoOneClass() {
        CsrGraph star = CsrGraph.parse(6, "0-1, 0-2, 0-3, 0-4, 0-5");
        String[] cats = {"Organisation:NGO", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER"};
        String[] regions = {"AFRICA", "AFRICA", "AFRICA", "AFRICA", "ASIA_PACIFIC", "ASIA_PACIFIC"};
        ReidentificationGate g = gate(star, cats, regions, new boolean[] {false, true, true, true, true, true}, 5);
        for (int v = 1; v <= 5; v++) {
            assertThat(g.release(v)).isEqualTo(COARSEN);
            assertThat(g.neighbourhoodClass(v)).isEqualTo(5);
        }
        assertThat(ReidentificationGate.degreeBucket(1)).isEqualTo("1");
    }

    /**
     * Withholding moves neighbours' degrees: a pseudonymised hub tied to five alike leaves is alone of
     * its kind and goes; the leaves then have degree 0 and must be counted again (still five alike).
     */
    @Test
    void withholdingAHubRecountsItsLeaves() {
        CsrGraph star = CsrGraph.parse(6, "0-1, 0-2, 0-3, 0-4, 0-5");
        String[] cats = {"Contact:JOURNALIST", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER"};
        ReidentificationGate g = gate(star, cats, fill(6, "AFRICA"), all(6), 5);
        assertThat(g.release(0)).isEqualTo(WITHHOLD);
        for (int v = 1; v <= 5; v++) {
            assertThat(g.releasedDegree(v)).isZero();
            assertThat(g.neighbourhoodClass(v)).isEqualTo(5);
        }
        assertKAnonymous(star, cats, fill(6, "AFRICA"), all(6), g);
    }

    @Test
    void degreeBucketsArePowersOfTwo() {
        assertThat(List.of(0, 1, 2, 3, 4, 7, 8, 37).stream().map(ReidentificationGate::degreeBucket))
                .containsExactly("0", "1", "2-3", "2-3", "4-7", "4-7", "8-15", "32-63");
    }

    @Test
    void aFloorIsNeverLoweredAndItsWithheldSayWhy() {
        CsrGraph star = CsrGraph.parse(6, "0-1, 0-2, 0-3, 0-4, 0-5");
        String[] cats = {"Organisation:NGO", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER", "Contact:DEFENDER"};
        Release[] floor = {KEEP, WITHHOLD, KEEP, KEEP, KEEP, KEEP};
        ReidentificationGate g = new ReidentificationGate(star, cats, fill(6, "AFRICA"),
                new boolean[] {false, true, true, true, true, true}, floor, 5);
        assertThat(g.release(1)).isEqualTo(WITHHOLD);
        assertThat(g.reason(1)).isEqualTo(Reason.WITHHELD_BY_FLOOR);
        assertThat(g.count(WITHHOLD)).isEqualTo(5); // four left cannot hide among five
    }

    @Test
    void zacharysKarateClubIsKAnonymousAfterTheGate() {
        List<String> edges = ReferenceFiles.lines("karate", "edges.csv");
        CsrGraph.Builder b = CsrGraph.builder(34);
        edges.stream().skip(1).forEach(line -> {
            String[] p = line.split(",");
            b.addEdge(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        });
        CsrGraph karate = b.build();
        String[] regions = new String[34];
        for (int v = 0; v < 34; v++) {
            regions[v] = v % 2 == 0 ? "AFRICA" : "ARAB_REGION";
        }
        for (int k : new int[] {2, 3, 5, 8}) {
            ReidentificationGate g = gate(karate, fill(34, "Contact:DEFENDER"), regions, all(34), k);
            assertKAnonymous(karate, fill(34, "Contact:DEFENDER"), regions, all(34), g);
        }
        // With k = 2 and no regions, the degree classes of the club are known: degrees 1, 9, 10, 12, 16 and 17 occur once.
        ReidentificationGate g = gate(karate, fill(34, "Contact:DEFENDER"), new String[34], all(34), 2);
        assertThat(g.release(0)).isNotEqualTo(KEEP); // Mr. Hi, degree 16, the only one
        assertThat(g.release(33)).isNotEqualTo(KEEP); // the officer, degree 17
    }

    @Test
    void krackhardtsKiteIsKAnonymousAfterTheGate() {
        List<String> nodes = ReferenceFiles.lines("kite", "nodes.csv").stream().skip(1).map(l -> l.split(",")[0]).toList();
        CsrGraph.Builder b = CsrGraph.builder(nodes.size());
        ReferenceFiles.lines("kite", "edges.csv").stream().skip(1).forEach(line -> {
            String[] p = line.split(",");
            b.addEdge(nodes.indexOf(p[0]), nodes.indexOf(p[1]));
        });
        CsrGraph kite = b.build();
        int n = nodes.size();
        ReidentificationGate g = gate(kite, fill(n, "Contact:DEFENDER"), fill(n, "ENACA"), all(n), 3);
        assertKAnonymous(kite, fill(n, "Contact:DEFENDER"), fill(n, "ENACA"), all(n), g);
        assertThat(g.count(KEEP) + g.count(COARSEN) + g.count(WITHHOLD)).isEqualTo(n);
    }

    @Test
    void randomGraphsWithNamedAndPseudonymisedPeopleAreKAnonymousAfterTheGate() {
        Random random = new Random(7);
        String[] kinds = {"Contact:DEFENDER", "Contact:JOURNALIST", "Organisation:NGO"};
        String[] regionNames = {"AFRICA", "ASIA_PACIFIC", null};
        for (int trial = 0; trial < 40; trial++) {
            int n = 20 + random.nextInt(200);
            CsrGraph.Builder b = CsrGraph.builder(n);
            int m = n * (1 + random.nextInt(3));
            for (int e = 0; e < m; e++) {
                int u = random.nextInt(n);
                int v = random.nextInt(n);
                if (u != v) {
                    b.addEdge(u, v);
                }
            }
            CsrGraph graph = b.build();
            String[] cats = new String[n];
            String[] regions = new String[n];
            boolean[] pseudo = new boolean[n];
            for (int v = 0; v < n; v++) {
                cats[v] = kinds[random.nextInt(kinds.length)];
                regions[v] = regionNames[random.nextInt(regionNames.length)];
                pseudo[v] = random.nextInt(3) > 0;
            }
            int k = 2 + random.nextInt(5);
            ReidentificationGate g = gate(graph, cats, regions, pseudo, k);
            assertKAnonymous(graph, cats, regions, pseudo, g);
            assertThat(g.rounds()).isLessThanOrEqualTo(2 * n + 1);
        }
    }

    /**
     * The released view recounted from scratch, independently of the gate's own bookkeeping (strings,
     * sorted lists): each released pseudonymised vertex shares (category, shown region, degree in the
     * graph or its range when coarsened, released degree) and (category, shown region, degree or range,
     * shown categories and regions of the neighbours whose ties are shown) with at least k - 1 others.
     */
    static void assertKAnonymous(CsrGraph graph, String[] cats, String[] regions, boolean[] pseudo, ReidentificationGate g) {
        int n = graph.vertexCount();
        Map<String, Integer> degreeClasses = new HashMap<>();
        Map<String, Integer> neighbourhoodClasses = new HashMap<>();
        String[] q1 = new String[n];
        String[] q2 = new String[n];
        for (int v = 0; v < n; v++) {
            if (!pseudo[v] || g.release(v) == WITHHOLD) {
                continue;
            }
            List<String> around = new ArrayList<>();
            boolean coarsened = g.release(v) == COARSEN;
            for (int u : graph.neighbors(v)) {
                if (!coarsened && g.release(u) == KEEP) {
                    around.add(shown(u, cats, regions, g));
                }
            }
            around.sort(null);
            String degree = coarsened ? "range " + ReidentificationGate.degreeBucket(graph.degree(v)) : Integer.toString(graph.degree(v));
            q1[v] = shown(v, cats, regions, g) + "|" + degree + "|" + around.size();
            q2[v] = shown(v, cats, regions, g) + "|" + degree + "|" + around;
            degreeClasses.merge(q1[v], 1, Integer::sum);
            neighbourhoodClasses.merge(q2[v], 1, Integer::sum);
        }
        for (int v = 0; v < n; v++) {
            if (q1[v] != null) {
                assertThat(degreeClasses.get(q1[v])).as("degree class of %d", v).isGreaterThanOrEqualTo(g.k());
                assertThat(neighbourhoodClasses.get(q2[v])).as("neighbourhood class of %d", v).isGreaterThanOrEqualTo(g.k());
                assertThat(g.neighbourhoodClass(v)).isEqualTo(neighbourhoodClasses.get(q2[v]));
            }
        }
    }

    private static String shown(int v, String[] cats, String[] regions, ReidentificationGate g) {
        return cats[v] + "/" + (g.release(v) == COARSEN ? "withheld" : regions[v]);
    }
}
