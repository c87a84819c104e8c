package org.civnet.analysis.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.civnet.analysis.centrality.ReferenceGraphs;
import org.civnet.analysis.centrality.ReferenceGraphs.Reference;
import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class StructuralHolesTest {

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> StructuralHoles.constraint(null, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> StructuralHoles.effectiveSize(null, true)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyAndIsolatedVertices() {
        assertThat(StructuralHoles.constraint(CsrGraph.parse(0, ""), false)).isEmpty();
        assertThat(StructuralHoles.constraint(CsrGraph.parse(1, ""), false)[0]).isNaN();
        assertThat(StructuralHoles.effectiveSize(CsrGraph.parse(1, ""), false)[0]).isNaN();
        assertThat(StructuralHoles.effectiveSize(CsrGraph.parse(1, ""), true)[0]).isNaN();
    }

    @Test
    void singleEdgeIsFullyConstrained() {
        CsrGraph k2 = CsrGraph.parse(2, "0-1");
        assertThat(StructuralHoles.constraint(k2, false)).containsExactly(1.0, 1.0);
        assertThat(StructuralHoles.effectiveSize(k2, false)).containsExactly(1.0, 1.0);
    }

    @Test
    void pathAndStarByHand() {
        // P3 0-1-2: the middle invests 1/2 in each unconnected end: (1/2)^2 + (1/2)^2 = 1/2; e = 2 - 0 = 2.
        CsrGraph p3 = CsrGraph.parse(3, "0-1, 1-2");
        assertThat(StructuralHoles.constraint(p3, false)).containsExactly(new double[] {1, 0.5, 1}, within(1e-12));
        assertThat(StructuralHoles.effectiveSize(p3, false)).containsExactly(new double[] {1, 2, 1}, within(1e-12));
        // Star with 4 leaves: centre 4 * (1/4)^2 = 1/4, effective size 4.
        CsrGraph star = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4");
        assertThat(StructuralHoles.constraint(star, false)[0]).isCloseTo(0.25, within(1e-12));
        assertThat(StructuralHoles.effectiveSize(star, false)[0]).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void triangleWithPendantByHand() {
        // Triangle 0-1-2, pendant 3 on 2, isolate 4. Vertex 0: alter 1 -> (1/2 + p02 p21 = 1/2 * 1/3)^2 = 4/9,
        // alter 2 -> (1/2 + p01 p12 = 1/4)^2 = 9/16; sum 145/144. Vertex 2: alters 0 and 1 give (1/3 + 1/6)^2
        // each, alter 3 gives (1/3)^2: 11/18. Effective size of 2: 3 - 2*1/3. networkx 2.8.8 agrees.
        CsrGraph g = CsrGraph.parse(5, "0-1, 1-2, 2-0, 2-3");
        double[] c = StructuralHoles.constraint(g, false);
        assertThat(c[0]).isCloseTo(145.0 / 144, within(1e-12));
        assertThat(c[1]).isCloseTo(145.0 / 144, within(1e-12));
        assertThat(c[2]).isCloseTo(11.0 / 18, within(1e-12));
        assertThat(c[3]).isCloseTo(1.0, within(1e-12));
        assertThat(c[4]).isNaN();
        double[] e = StructuralHoles.effectiveSize(g, false);
        assertThat(e).startsWith(new double[] {1, 1, 7.0 / 3, 1}, within(1e-12));
        assertThat(e[4]).isNaN();
    }

    @Test
    void karateAndKiteMatchReference() {
        for (Reference ref : new Reference[] {ReferenceGraphs.karate(), ReferenceGraphs.kite()}) {
            assertThat(StructuralHoles.constraint(ref.graph(), false)).as(ref.name())
                    .containsExactly(ref.metric("constraint"), within(1e-6));
            assertThat(StructuralHoles.effectiveSize(ref.graph(), false)).as(ref.name())
                    .containsExactly(ref.metric("effective_size"), within(1e-6));
            // The general (weighted) formula with unit weights equals Borgatti's shortcut.
            assertThat(StructuralHoles.effectiveSize(ref.graph(), true)).as(ref.name())
                    .containsExactly(ref.metric("effective_size"), within(1e-9));
        }
    }

    @Test
    void weightedKarateMatchesNetworkx() {
        // networkx 2.8.8: nx.constraint(G, weight='weight'), nx.effective_size(G, weight='weight') on karate
        // with Zachary's interaction counts as weights (test resource centrality/networkx_refs.py).
        CsrGraph g = ReferenceGraphs.karate().weightedGraph();
        assertThat(StructuralHoles.constraint(g, true)).containsExactly(new double[] {
            0.19062348905638032, 0.3409019831285561, 0.25565383909645606, 0.4122226156115593, 0.508088569654933,
            0.49112922777491624, 0.5314047216519745, 0.527081950416345, 0.3344147563587521, 0.5555555555555556,
            0.5304976482780612, 1.0, 0.7302295918367347, 0.3827486243156608, 0.6411266928285626, 0.6323943473973153,
            0.9397491245018718, 0.6653314075883578, 0.6670775837009678, 0.4391093639199636, 0.7238213470731378,
            0.6236083811249431, 0.6398342278393352, 0.3127739611655626, 0.5124716553287981, 0.4563144985885511,
            0.65316243881949, 0.3222101463859707, 0.39898274124464594, 0.4389251973538791, 0.3944911707240065,
            0.2754988351267919, 0.2582561404837537, 0.18628728563229374}, within(1e-9));
        assertThat(StructuralHoles.effectiveSize(g, true)).containsExactly(new double[] {
            13.775000000000002, 6.4672413793103445, 7.946969696969697, 3.6333333333333333, 2.225, 2.942857142857143,
            2.7846153846153845, 1.4615384615384617, 3.396078431372549, 2.0, 2.15, 1.0, 1.3, 2.923529411764706, 1.0,
            1.0, 1.0, 1.288888888888889, 1.0, 2.413333333333333, 1.0, 1.2666666666666666, 1.0, 3.723809523809524,
            2.428571428571429, 2.6258503401360542, 1.5666666666666669, 3.5076923076923077, 2.5428571428571427,
            2.4923076923076923, 2.690909090909091, 5.141043083900226, 10.089285714285714, 15.22891865079365},
            within(1e-9));
    }
}
