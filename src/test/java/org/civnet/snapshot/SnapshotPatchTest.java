package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;
import org.junit.jupiter.api.Test;

/**
 * Applying change records ({@link SnapshotPatch}) gives the graph a fresh read would: random
 * sequences of node and tie creations, changes and deletions over a model graph, patched in
 * batches, compared with the model read whole, column by column and tie by tie; and the scoped
 * snapshots brought forward ({@link ScopedPatch}) are exactly those built from the patched graph.
 */
class SnapshotPatchTest {

    /** A node's columns in the model. */
    private record Node(String id, NodeLabel label, String name, String country, Region region, String[] themes,
                        RiskLevel risk, boolean consent, boolean confidential, int created) {
    }

    /** A tie in the model, keyed by type and ends. */
    private record Tie(TieType type, String from, String to, int trust, int since, int last) {
        String key() {
            return type + " " + from + " " + to;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Tie> ties = new LinkedHashMap<>();

    @Test
    void theEmptyGraphPatchedWithNothingStaysEmpty() {
        GraphData base = whole(1);
        GraphData patched = SnapshotPatch.apply(base, Set.of(), rows(Set.of()), 2);
        assertThat(patched.nodeCount()).isZero();
        assertThat(patched.tieCount()).isZero();
        assertThat(patched.graphVersion()).isEqualTo(2);
    }

    @Test
    void aNewNodeWithATieToAnOldOneAppears() {
        node("a", 1);
        node("b", 2);
        tie(TieType.KNOWS, "a", "b", 3);
        GraphData base = whole(1);
        node("c", 3);
        tie(TieType.KNOWS, "b", "c", 5);
        assertPatchEqualsWhole(base, Set.of("c"), 2);
        GraphData patched = SnapshotPatch.apply(base, Set.of("c"), rows(Set.of("c")), 2);
        assertThat(patched.nodeCount()).isEqualTo(3);
        assertThat(patched.tieCount()).isEqualTo(2);
    }

    @Test
    void aDeletedNodeTakesItsTiesInBothDirections() {
        node("a", 1);
        node("b", 2);
        node("c", 3);
        tie(TieType.KNOWS, "a", "b", 3);
        tie(TieType.KNOWS, "b", "c", 3);
        tie(TieType.AFFILIATED_WITH, "c", "a", 0);
        GraphData base = whole(7);
        delete("b");
        GraphData patched = assertPatchEqualsWhole(base, Set.of("b"), 8);
        assertThat(patched.tieCount()).isEqualTo(1);
        assertThat(patched.ids()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void aTieBetweenTwoChangedNodesComesOnce() {
        node("a", 1);
        node("b", 2);
        GraphData base = whole(1);
        tie(TieType.KNOWS, "a", "b", 4);
        GraphData patched = assertPatchEqualsWhole(base, Set.of("a", "b"), 2);
        assertThat(patched.tieCount()).isEqualTo(1);
    }

    @Test
    void valuesTheReaderCouldNotUseAreNotPatched() {
        node("a", 1);
        GraphData base = new GraphData.Builder().node("a", NodeLabel.Contact, "a", null, "JO", null, null, null, false,
                false, 0).unreadableValues(1).build();
        assertThatThrownBy(() -> SnapshotPatch.apply(base, Set.of("a"), rows(Set.of("a")), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteThatRemovesNoEdgeKeepsEveryEdgeIdAndAppendsTheNewVertex() {
        node("a", 2);
        node("b", 4);
        node("c", 6);
        tie(TieType.KNOWS, "a", "b", 3);
        tie(TieType.KNOWS, "b", "c", 4);
        node("lone", 8);
        GraphData base = whole(1);
        NetworkSnapshot before = NetworkSnapshot.of(base, AnalysisScope.all());
        rename("lone", "renamed");
        node("fresh", 10);
        NetworkSnapshot after = bringForwardInPlace(base, Set.of("lone", "fresh"), 2).get(0);
        assertThat(after.graph().edgeIdsArray()).isEqualTo(before.graph().edgeIdsArray());
        assertThat(after.vertexCount()).isEqualTo(before.vertexCount() + 1);
        assertThat(after.name(after.indexOf("lone"))).isEqualTo("renamed");
        assertThat(after.indexOf("fresh")).isEqualTo(before.vertexCount());
    }

    @Test
    void edgesRemovedAtBothEndsOfTheIdRangeAreSqueezedOut() {
        for (int i = 0; i < 8; i++) {
            node("n" + i, 2 * i);
        }
        // Edge 0 is n0-n1, the last edge n6-n7; the ones between touch neither changed vertex.
        tie(TieType.KNOWS, "n0", "n1", 2);
        for (int i = 1; i < 6; i++) {
            tie(TieType.KNOWS, "n" + i, "n" + (i + 1), 1 + i % 5);
        }
        tie(TieType.KNOWS, "n6", "n7", 5);
        GraphData base = whole(1);
        NetworkSnapshot before = NetworkSnapshot.of(base, AnalysisScope.all());
        int last = before.graph().edgeCount() - 1;
        assertThat(before.graph().edgeId(before.graph().slotOf(before.indexOf("n0"), before.indexOf("n1")))).isZero();
        assertThat(before.graph().edgeId(before.graph().slotOf(before.indexOf("n6"), before.indexOf("n7")))).isEqualTo(last);
        tie(TieType.KNOWS, "n0", "n1", 4);
        ties.remove(TieType.KNOWS + " n6 n7");
        NetworkSnapshot after = bringForwardInPlace(base, Set.of("n0", "n7"), 2).get(0);
        // n1-n2 ... n6-n7 move down by one, n0-n1 comes back as the last edge with its new trust.
        int renewed = after.graph().edgeId(after.graph().slotOf(after.indexOf("n0"), after.indexOf("n1")));
        assertThat(renewed).isEqualTo(after.graph().edgeCount() - 1);
        assertThat(after.edgeTrust(renewed)).isEqualTo(4);
        assertThat(after.graph().edgeCount()).isEqualTo(before.graph().edgeCount() - 1);
        assertThat(after.graph().degree(after.indexOf("n7"))).isZero();
    }

    @Test
    void aChangedVertexWhoseTiesAreAllDeletedKeepsItsNumberWithAnEmptySlice() {
        node("hub", 2);
        for (int i = 0; i < 5; i++) {
            node("leaf" + i, 4 + 2 * i);
            tie(TieType.KNOWS, "hub", "leaf" + i, 3);
        }
        tie(TieType.KNOWS, "leaf0", "leaf1", 3);
        GraphData base = whole(1);
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ties.remove(TieType.KNOWS + " hub leaf" + i);
            changed.add("leaf" + i);
        }
        changed.add("hub");
        NetworkSnapshot after = bringForwardInPlace(base, changed, 2).get(0);
        assertThat(after.indexOf("hub")).isZero();
        assertThat(after.graph().degree(0)).isZero();
        assertThat(after.graph().edgeCount()).isEqualTo(1);
    }

    @Test
    void newVerticesAreAppendedWithTiesToOldOnesAndToEachOther() {
        for (int i = 0; i < 6; i++) {
            node("n" + i, 2 * i);
        }
        for (int i = 0; i < 5; i++) {
            tie(TieType.KNOWS, "n" + i, "n" + (i + 1), 3);
        }
        GraphData base = whole(1);
        node("x", 20);
        node("y", 22);
        tie(TieType.KNOWS, "x", "n0", 5);
        tie(TieType.KNOWS, "y", "n3", 2);
        tie(TieType.KNOWS, "x", "y", 4);
        NetworkSnapshot after = bringForwardInPlace(base, Set.of("x", "y", "n0", "n3"), 2).get(0);
        assertThat(after.vertexCount()).isEqualTo(8);
        assertThat(after.indexOf("x")).isEqualTo(6);
        assertThat(after.indexOf("y")).isEqualTo(7);
        assertThat(after.graph().hasEdge(6, 7)).isTrue();
        assertThat(after.graph().edgeCount()).isEqualTo(8);
    }

    @Test
    void randomSequencesOfWritesPatchToWhatAWholeReadGives() {
        int inPlace = 0;
        int moved = 0;
        int fallbacks = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            nodes.clear();
            ties.clear();
            for (int i = 0; i < 30; i++) {
                node("n" + i, random.nextInt(1000));
            }
            for (int k = 0; k < 60; k++) {
                randomTie(random);
            }
            GraphData current = whole(1);
            GraphData first = current;
            List<NetworkSnapshot> scoped = SCOPES.stream().map(scope -> NetworkSnapshot.of(first, scope)).toList();
            long version = 1;
            // Carried from patch to patch as SnapshotCache carries it (null: the patch builds one).
            IdIndex rowIndex = null;
            for (int batch = 0; batch < 15; batch++) {
                Set<String> changed = new HashSet<>();
                int writes = 1 + random.nextInt(4);
                for (int w = 0; w < writes; w++) {
                    changed.addAll(randomWrite(random));
                }
                version++;
                SnapshotPatch.Patched patched = SnapshotPatch.applyWithLayout(current, rowIndex, changed, rows(changed),
                        version);
                assertThat(GraphDataContent.of(patched.data())).isEqualTo(GraphDataContent.of(whole(version)));
                rowIndex = patched.rowIndex();
                assertThat(rowIndex != null).isEqualTo(patched.inPlace());
                for (int i = 0; rowIndex != null && i < patched.data().nodeCount(); i++) {
                    assertThat(rowIndex.indexOf(patched.data().ids()[i])).isEqualTo(i);
                }
                assertThat(rowIndex == null ? -1 : rowIndex.indexOf("new-never")).isEqualTo(-1);
                List<NetworkSnapshot> next = new ArrayList<>();
                for (NetworkSnapshot before : scoped) {
                    NetworkSnapshot fresh = NetworkSnapshot.of(patched.data(), before.scope());
                    NetworkSnapshot brought = ScopedPatch.apply(before, patched);
                    if (brought == null) {
                        // Only a node that stays but enters or leaves the scope (its kind, region or themes
                        // changed) moves the vertex numbers of a graph patched in place; the cache then
                        // builds that scope whole.
                        assertThat(patched.inPlace()).as("seed " + seed + ", batch " + batch).isTrue();
                        GraphData was = current;
                        assertThat(changed.stream().anyMatch(id -> java.util.Arrays.asList(was.ids()).contains(id)
                                && (before.indexOf(id) >= 0) != (fresh.indexOf(id) >= 0)))
                                .as("seed " + seed + ", batch " + batch + ", " + before.scope()).isTrue();
                        fallbacks++;
                        next.add(fresh);
                        continue;
                    }
                    assertSameSnapshot(brought, fresh);
                    next.add(brought);
                    if (patched.inPlace()) {
                        inPlace++;
                    } else {
                        moved++;
                    }
                }
                scoped = next;
                current = patched.data();
            }
        }
        // Both layouts were brought forward many times, and falling back stayed the exception.
        assertThat(inPlace).isGreaterThan(300);
        assertThat(moved).isGreaterThan(100);
        assertThat(fallbacks).isLessThan(inPlace / 10);
    }

    private static final List<AnalysisScope> SCOPES = List.of(AnalysisScope.all(),
            new AnalysisScope(Set.of(NodeLabel.Contact), Set.of(TieType.KNOWS), 3, null, null, null),
            new AnalysisScope(null, null, null, java.time.LocalDate.ofEpochDay(40), Region.values()[1], "t1"));

    /** The same snapshot: vertices in the same order with the same columns, the same CSR arrays and edge columns. */
    private static void assertSameSnapshot(NetworkSnapshot actual, NetworkSnapshot expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.vertexCount()).isEqualTo(expected.vertexCount());
        for (int v = 0; v < expected.vertexCount(); v++) {
            assertThat(actual.id(v)).isEqualTo(expected.id(v));
            assertThat(actual.name(v)).isEqualTo(expected.name(v));
            assertThat(actual.risk(v)).isEqualTo(expected.risk(v));
            assertThat(actual.themes(v)).isEqualTo(expected.themes(v));
            assertThat(actual.indexOf(expected.id(v))).isEqualTo(v);
        }
        assertThat(actual.graph().edgeCount()).isEqualTo(expected.graph().edgeCount());
        assertThat(actual.graph().isWeighted()).isEqualTo(expected.graph().isWeighted());
        assertThat(actual.graph().offsetsArray()).isEqualTo(expected.graph().offsetsArray());
        assertThat(actual.graph().targetsArray()).isEqualTo(expected.graph().targetsArray());
        assertThat(actual.graph().edgeIdsArray()).isEqualTo(expected.graph().edgeIdsArray());
        assertThat(actual.graph().weightsArray()).isEqualTo(expected.graph().weightsArray());
        for (int e = 0; e < expected.graph().edgeCount(); e++) {
            assertThat(actual.edgeType(e)).isEqualTo(expected.edgeType(e));
            assertThat(actual.edgeTrust(e)).isEqualTo(expected.edgeTrust(e));
            assertThat(actual.edgeSince(e)).isEqualTo(expected.edgeSince(e));
            assertThat(actual.edgeLastContact(e)).isEqualTo(expected.edgeLastContact(e));
            // The next patch maps each edge's first tie forward, so it must be right too.
            assertThat(actual.firstTie(e)).as("first tie of edge " + e).isEqualTo(expected.firstTie(e));
        }
    }

    /**
     * Patches {@code base} in place with the model's rows of {@code changed} and brings each scope's
     * snapshot forward; each must be exactly its whole build. The brought snapshots, in {@link #SCOPES} order.
     */
    private List<NetworkSnapshot> bringForwardInPlace(GraphData base, Set<String> changed, long version) {
        SnapshotPatch.Patched patched = SnapshotPatch.applyWithLayout(base, changed, rows(changed), version);
        assertThat(patched.inPlace()).isTrue();
        assertThat(GraphDataContent.of(patched.data())).isEqualTo(GraphDataContent.of(whole(version)));
        List<NetworkSnapshot> brought = new ArrayList<>();
        for (AnalysisScope scope : SCOPES) {
            NetworkSnapshot after = ScopedPatch.apply(NetworkSnapshot.of(base, scope), patched);
            assertSameSnapshot(after, NetworkSnapshot.of(patched.data(), scope));
            brought.add(after);
        }
        return brought;
    }

    // ---- the model ------------------------------------------------------------------------------

    private Set<String> randomWrite(Random random) {
        List<String> ids = new ArrayList<>(nodes.keySet());
        switch (random.nextInt(6)) {
            case 0 -> {
                String id = "new" + random.nextInt(1_000_000);
                node(id, random.nextInt(1000));
                return Set.of(id);
            }
            case 1 -> {
                if (ids.isEmpty()) {
                    return Set.of();
                }
                String id = ids.get(random.nextInt(ids.size()));
                node(id, random.nextInt(1000));
                return Set.of(id);
            }
            case 2 -> {
                if (ids.isEmpty()) {
                    return Set.of();
                }
                String id = ids.get(random.nextInt(ids.size()));
                delete(id);
                return Set.of(id);
            }
            case 3, 4 -> {
                Tie tie = randomTie(random);
                return tie == null ? Set.of() : Set.of(tie.from(), tie.to());
            }
            default -> {
                if (ties.isEmpty()) {
                    return Set.of();
                }
                List<Tie> all = new ArrayList<>(ties.values());
                Tie tie = all.get(random.nextInt(all.size()));
                ties.remove(tie.key());
                return Set.of(tie.from(), tie.to());
            }
        }
    }

    private Tie randomTie(Random random) {
        List<String> ids = new ArrayList<>(nodes.keySet());
        if (ids.size() < 2) {
            return null;
        }
        String a = ids.get(random.nextInt(ids.size()));
        String b = ids.get(random.nextInt(ids.size()));
        if (a.equals(b)) {
            return null;
        }
        TieType type = random.nextBoolean() ? TieType.KNOWS : TieType.AFFILIATED_WITH;
        return tie(type, a, b, random.nextInt(6));
    }

    private void node(String id, int created) {
        nodes.put(id, new Node(id, created % 2 == 0 ? NodeLabel.Contact : NodeLabel.Organisation, "name " + created,
                created % 3 == 0 ? null : "JO", Region.values()[created % Region.values().length],
                new String[] {"t" + created % 4}, RiskLevel.values()[created % RiskLevel.values().length],
                created % 5 == 0, created % 7 == 0, created));
    }

    private Tie tie(TieType type, String from, String to, int trust) {
        Tie tie = new Tie(type, from, to, trust, trust * 10, trust == 0 ? GraphData.NO_DATE : trust * 20);
        ties.put(tie.key(), tie);
        return tie;
    }

    /** The same node under another name (its scope unchanged). */
    private void rename(String id, String name) {
        Node n = nodes.get(id);
        nodes.put(id, new Node(id, n.label(), name, n.country(), n.region(), n.themes(), n.risk(), n.consent(),
                n.confidential(), n.created()));
    }

    private void delete(String id) {
        nodes.remove(id);
        ties.values().removeIf(t -> t.from().equals(id) || t.to().equals(id));
    }

    private GraphData whole(long version) {
        GraphData.Builder builder = new GraphData.Builder().graphVersion(version);
        nodes.values().forEach(n -> add(builder, n));
        ties.values().forEach(t -> builder.tie(t.from(), t.to(), t.type(), t.trust(), t.since(), t.last()));
        return builder.build();
    }

    /** What the reader reads for these changed nodes: their rows, their outgoing ties, and incoming ones from the rest. */
    private SnapshotPatch.Rows rows(Set<String> changed) {
        GraphData.Builder builder = new GraphData.Builder();
        nodes.values().stream().filter(n -> changed.contains(n.id())).forEach(n -> add(builder, n).key(n.id()));
        ties.values().stream().filter(t -> changed.contains(t.from()) || changed.contains(t.to()))
                .forEach(t -> builder.tie(t.from(), t.to(), t.type(), t.trust(), t.since(), t.last()));
        return builder.buildRows();
    }

    private static GraphData.Builder add(GraphData.Builder builder, Node n) {
        return builder.node(n.id(), n.label(), n.name(), null, n.country(), n.region(), n.themes(), n.risk(), n.consent(),
                n.confidential(), n.created());
    }

    private GraphData assertPatchEqualsWhole(GraphData base, Set<String> changed, long version) {
        GraphData patched = SnapshotPatch.apply(base, changed, rows(changed), version);
        assertThat(GraphDataContent.of(patched)).isEqualTo(GraphDataContent.of(whole(version)));
        for (int e = 0; e < patched.tieCount(); e++) {
            assertThat(patched.tieFrom()[e]).isBetween(0, patched.nodeCount() - 1);
            assertThat(patched.tieTo()[e]).isBetween(0, patched.nodeCount() - 1);
        }
        return patched;
    }
}
