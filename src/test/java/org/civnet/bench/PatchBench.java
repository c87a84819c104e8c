package org.civnet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.PatchProbe;
import org.civnet.snapshot.SnapshotPatch;

/**
 * The in-memory half of a write, without the store: a 100,000-contact graph (about a million ties)
 * receives one KNOWS tie between two random contacts, applied as change records
 * ({@link SnapshotPatch#applyWithLayout}) and then to the scoped snapshots
 * ({@code ScopedPatch}, through {@link PatchProbe}), against building the scope whole. Each round
 * patches the same base with another pair, so every round does the same amount of work; the base's
 * row index is built once, as the cache carries it from patch to patch.
 *
 * <p>Run: {@code java -Xmx6g -cp target/classes:target/test-classes:$(cat target/bench/classpath.txt)
 * org.civnet.bench.PatchBench [contacts] [rounds]}; prints medians in milliseconds.
 */
public final class PatchBench {

    private static final List<AnalysisScope> SCOPES = List.of(AnalysisScope.all(),
            new AnalysisScope(Set.of(NodeLabel.Contact), Set.of(TieType.KNOWS), null, null, null, null));

    private PatchBench() {
    }

    public static void main(String[] args) {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmups = 10;
        GraphData base = DemoGraphs.toGraphData(DemoGraphs.generate(contacts).document());
        System.out.printf("graph: %d nodes, %d ties%n", base.nodeCount(), base.tieCount());
        List<NetworkSnapshot> before = SCOPES.stream().map(scope -> NetworkSnapshot.of(base, scope)).toList();
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < base.nodeCount(); i++) {
            if (base.labels()[i] == NodeLabel.Contact) {
                contactIds.add(base.ids()[i]);
            }
        }
        PatchProbe.Patcher patcher = PatchProbe.patcher(base);
        Random random = new Random(18);
        double[] graphPatch = new double[rounds];
        double[][] scoped = new double[SCOPES.size()][rounds];
        double[][] whole = new double[SCOPES.size()][rounds];
        for (int round = -warmups; round < rounds; round++) {
            String a = contactIds.get(random.nextInt(contactIds.size()));
            String b = contactIds.get(random.nextInt(contactIds.size()));
            if (a.equals(b)) {
                round--;
                continue;
            }
            Set<String> changed = Set.of(a, b);
            SnapshotPatch.Rows rows = rowsAfterNewTie(base, changed, a, b, 1 + random.nextInt(5));
            long t0 = System.nanoTime();
            SnapshotPatch.Patched patched = patcher.apply(changed, rows, base.graphVersion() + 1);
            long t1 = System.nanoTime();
            if (round >= 0) {
                graphPatch[round] = (t1 - t0) / 1e6;
            }
            for (int s = 0; s < SCOPES.size(); s++) {
                long s0 = System.nanoTime();
                NetworkSnapshot brought = PatchProbe.bringForward(before.get(s), patched);
                long s1 = System.nanoTime();
                NetworkSnapshot built = NetworkSnapshot.of(patched.data(), SCOPES.get(s));
                long s2 = System.nanoTime();
                if (brought == null || brought.graph().edgeCount() != built.graph().edgeCount()) {
                    throw new IllegalStateException("patched snapshot differs from the whole build");
                }
                Timings.blackhole = brought;
                if (round >= 0) {
                    scoped[s][round] = (s1 - s0) / 1e6;
                    whole[s][round] = (s2 - s1) / 1e6;
                }
            }
        }
        System.out.printf("SnapshotPatch.applyWithLayout: median %.2f ms (p90 %.2f)%n", Timings.median(graphPatch),
                Timings.percentile(graphPatch, 90));
        for (int s = 0; s < SCOPES.size(); s++) {
            System.out.printf("scope %d (%d edges): ScopedPatch median %.2f ms (p90 %.2f), NetworkSnapshot.of median %.2f ms%n",
                    s, before.get(s).graph().edgeCount(), Timings.median(scoped[s]), Timings.percentile(scoped[s], 90),
                    Timings.median(whole[s]));
        }
    }

    /**
     * What the reader reads back after a KNOWS tie from {@code a} to {@code b} was created: both rows,
     * every tie touching either (each once), and the new tie.
     */
    private static SnapshotPatch.Rows rowsAfterNewTie(GraphData base, Set<String> changed, String a, String b,
                                                      int trust) {
        GraphData.Builder builder = new GraphData.Builder();
        for (int i = 0; i < base.nodeCount(); i++) {
            if (changed.contains(base.ids()[i])) {
                builder.node(base.ids()[i], base.labels()[i], base.names()[i], base.subtypes()[i], base.countries()[i],
                        base.regions()[i], base.themes()[i], base.risks()[i], base.consent()[i], base.confidential()[i],
                        base.createdDay()[i]).key(base.ids()[i]);
            }
        }
        String[] ids = base.ids();
        for (int e = 0; e < base.tieCount(); e++) {
            String from = ids[base.tieFrom()[e]];
            String to = ids[base.tieTo()[e]];
            if (changed.contains(from) || changed.contains(to)) {
                builder.tie(from, to, base.tieTypes()[e], base.tieTrust()[e], base.tieSince()[e], base.tieLastContact()[e]);
            }
        }
        builder.tie(a, b, TieType.KNOWS, trust, 20_000, 20_400);
        return builder.buildRows();
    }
}
