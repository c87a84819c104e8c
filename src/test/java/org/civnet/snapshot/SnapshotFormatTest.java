package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.civnet.domain.ConsentPurpose;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;
import org.junit.jupiter.api.Test;

/** A graph written by {@link SnapshotFormat} reads back column for column, in the same order; anything else is refused. */
class SnapshotFormatTest {

    private static final String STORE = "db-1/2026-12-02T10:00:00Z";

    @Test
    void theEmptyGraphReadsBack() throws IOException {
        GraphData empty = new GraphData.Builder().graphVersion(0).build();

        SnapshotFormat.Saved saved = roundTrip(empty);

        assertThat(saved.versionStamp()).isEqualTo(STORE);
        assertSame(saved.data(), empty);
    }

    @Test
    void everyKindOfValueReadsBack() throws IOException {
        String longName = "é".repeat(40_000); // 80,000 bytes of UTF-8: more than writeUTF takes
        GraphData data = new GraphData.Builder().graphVersion(17).unreadableValues(2)
                .node("c-1", NodeLabel.Contact, longName, null, null, null, null, RiskLevel.HIGH,
                        ConsentDays.NONE.with(ConsentPurpose.BE_INTRODUCED, ConsentDays.UNKNOWN_START, 20_000)
                                .with(ConsentPurpose.NAME_TO_MANDATE, 19_000, ConsentDays.OPEN_END), true, GraphData.NO_DATE)
                .node("o-1", NodeLabel.Organisation, "Ligue", "NGO", "CD", Region.values()[0],
                        new String[] {"land", "défenseurs"}, RiskLevel.NONE, ConsentDays.INTRODUCE_ALWAYS, false, 19_500)
                .node("c-2", NodeLabel.Contact, "", "defender", "KE", null, new String[0], RiskLevel.NONE,
                        ConsentDays.NONE, false, -3)
                .tie("c-1", "o-1", TieType.values()[0], 5, GraphData.NO_DATE, 19_990)
                .tie("o-1", "c-2", TieType.values()[TieType.values().length - 1], 0, -10, GraphData.NO_DATE)
                .tie("c-2", "c-1", TieType.KNOWS, 3, 19_000, 19_001)
                .build();

        GraphData back = roundTrip(data).data();

        assertSame(back, data);
        assertThat(back.names()[0]).isEqualTo(longName);
        assertThat(back.consent()[1]).isSameAs(ConsentDays.INTRODUCE_ALWAYS);
        assertThat(back.consent()[2]).isSameAs(ConsentDays.NONE);
    }

    @Test
    void randomGraphsReadBackInTheSameOrder() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            GraphData data = random(new Random(seed));
            assertSame(roundTrip(data).data(), data);
        }
    }

    @Test
    void aFileCutShortOrWithBytesAfterItsEndIsRefused() throws IOException {
        byte[] bytes = write(random(new Random(5)));

        for (int cut : new int[] {0, 10, bytes.length / 2, bytes.length - 1}) {
            assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(Arrays.copyOf(bytes, cut)), bytes.length))
                    .as("cut at %d of %d bytes", cut, bytes.length).isInstanceOf(IOException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(longer), longer.length)).isInstanceOf(IOException.class);
    }

    @Test
    void aConstantThisCivnetDoesNotKnowIsRefusedNotGuessed() throws IOException {
        byte[] bytes = write(random(new Random(6)));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // The same length, so everything after the name table still lines up.
        byte[] renamed = text.replaceFirst("Organisation", "Organisatio_").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(renamed).isNotEqualTo(bytes);

        assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(renamed), renamed.length)).isInstanceOf(IOException.class);
    }

    @Test
    void aTieEndBeyondTheNodesIsRefused() throws IOException {
        GraphData data = random(new Random(7));
        int[] from = data.tieFrom().clone();
        from[0] = data.nodeCount();
        GraphData broken = new GraphData(data.graphVersion(), data.ids(), data.labels(), data.names(), data.subtypes(),
                data.countries(), data.regions(), data.themes(), data.risks(), data.consent(), data.confidential(),
                data.createdDay(), from, data.tieTo(), data.tieTypes(), data.tieTrust(), data.tieSince(),
                data.tieLastContact(), 0);
        byte[] bytes = write(broken);

        assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(bytes), bytes.length))
                .isInstanceOf(IOException.class).hasMessageContaining("tie end");
    }

    @Test
    void countsTheFileCouldNotHoldAreRefusedBeforeAnythingIsAllocatedForThem() throws IOException {
        GraphData data = random(new Random(8));
        byte[] bytes = write(data);
        // The node count, right after the header (magic, format, state, version, unreadable values).
        int nodeCountAt = 2 + "civnet-snapshot".length() + 4 + 4 + STORE.length() + 8 + 4;
        assertThat(java.nio.ByteBuffer.wrap(bytes, nodeCountAt, 4).getInt()).isEqualTo(data.nodeCount());
        for (int count : new int[] {Integer.MAX_VALUE, bytes.length, -2}) {
            byte[] huge = bytes.clone();
            java.nio.ByteBuffer.wrap(huge, nodeCountAt, 4).putInt(count);
            assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(huge), huge.length))
                    .as("%d nodes", count).isInstanceOf(IOException.class).hasMessageContaining("cannot be in");
        }
        // A whole file, but told it can be no longer than its header: its own counts are refused too.
        assertThatThrownBy(() -> SnapshotFormat.read(new ByteArrayInputStream(bytes), nodeCountAt + 8))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot be in");
    }

    private static GraphData random(Random random) {
        GraphData.Builder b = new GraphData.Builder().graphVersion(random.nextInt(1000));
        int n = 1 + random.nextInt(60);
        String[] themes = {"land", "press", "women", "detention"};
        for (int i = 0; i < n; i++) {
            ConsentDays consent = ConsentDays.NONE;
            for (ConsentPurpose purpose : ConsentPurpose.values()) {
                if (random.nextBoolean()) {
                    int first = random.nextBoolean() ? ConsentDays.UNKNOWN_START : 18_000 + random.nextInt(2000);
                    consent = consent.with(purpose, first, random.nextBoolean() ? ConsentDays.OPEN_END : 20_500);
                }
            }
            b.node("n" + i, NodeLabel.values()[random.nextInt(NodeLabel.values().length)],
                    random.nextInt(5) == 0 ? null : "Name " + i, random.nextBoolean() ? null : "kind" + random.nextInt(3),
                    random.nextBoolean() ? "KE" : null,
                    random.nextBoolean() ? null : Region.values()[random.nextInt(Region.values().length)],
                    Arrays.copyOf(themes, random.nextInt(themes.length + 1)),
                    RiskLevel.values()[random.nextInt(RiskLevel.values().length)], consent, random.nextBoolean(),
                    random.nextBoolean() ? GraphData.NO_DATE : 19_000 + random.nextInt(900));
        }
        int m = 1 + random.nextInt(4 * n);
        for (int e = 0; e < m; e++) {
            b.tie("n" + random.nextInt(n), "n" + random.nextInt(n), TieType.values()[random.nextInt(TieType.values().length)],
                    random.nextInt(6), random.nextBoolean() ? GraphData.NO_DATE : 18_000 + random.nextInt(3000),
                    random.nextBoolean() ? GraphData.NO_DATE : 19_000 + random.nextInt(2000));
        }
        return b.build();
    }

    private static SnapshotFormat.Saved roundTrip(GraphData data) throws IOException {
        byte[] bytes = write(data);
        return SnapshotFormat.read(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static byte[] write(GraphData data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotFormat.write(data, STORE, out);
        return out.toByteArray();
    }

    /** Same rows in the same order, every column (not only the same content by id). */
    private static void assertSame(GraphData actual, GraphData expected) {
        assertThat(actual.graphVersion()).isEqualTo(expected.graphVersion());
        assertThat(actual.unreadableValues()).isEqualTo(expected.unreadableValues());
        assertThat(actual.ids()).containsExactly(expected.ids());
        assertThat(actual.tieFrom()).containsExactly(expected.tieFrom());
        assertThat(actual.tieTo()).containsExactly(expected.tieTo());
        assertThat(GraphDataContent.of(actual)).isEqualTo(GraphDataContent.of(expected));
    }
}
