package org.civnet.snapshot;

import java.util.HashMap;
import java.util.Map;

import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;

/**
 * Everything the store holds that analyses use, read in one transaction at one graph version, as
 * plain columns: node {@code i} is {@code ids[i]}; tie {@code e} joins {@code tieFrom[e]} and
 * {@code tieTo[e]} (node indices). Scoped snapshots are derived from this without another read.
 * Dates are epoch days, {@link Integer#MIN_VALUE} when absent; trust 0 when absent. {@code consent}:
 * each node's consents by purpose and the days they are current ({@link ConsentDays}).
 * {@link SnapshotPatch} copies the columns generically: a tie column's name starts with {@code tie},
 * every other array is a node column (a new column needs no change there).
 * {@code unreadableValues} counts stored values the reader could not use and skipped.
 */
public record GraphData(
        long graphVersion,
        String[] ids,
        NodeLabel[] labels,
        String[] names,
        String[] subtypes,
        String[] countries,
        Region[] regions,
        String[][] themes,
        RiskLevel[] risks,
        ConsentDays[] consent,
        boolean[] confidential,
        int[] createdDay,
        int[] tieFrom,
        int[] tieTo,
        TieType[] tieTypes,
        int[] tieTrust,
        int[] tieSince,
        int[] tieLastContact,
        int unreadableValues) {

    public static final int NO_DATE = Integer.MIN_VALUE;

    public int nodeCount() {
        return ids.length;
    }

    public int tieCount() {
        return tieFrom.length;
    }

    public Map<String, Integer> indexById() {
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }

    /** Builds columns row by row; for the reader and for tests. */
    public static final class Builder {
        private final java.util.List<Object[]> nodes = new java.util.ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> keys = new HashMap<>();
        private String[] from = new String[1024];
        private String[] to = new String[1024];
        private TieType[] types = new TieType[1024];
        private int[] trust = new int[1024];
        private int[] since = new int[1024];
        private int[] last = new int[1024];
        private int ties;
        private long graphVersion;
        private int unreadableValues;
        private boolean dropDangling = true;

        public Builder graphVersion(long version) {
            this.graphVersion = version;
            return this;
        }

        /** How many stored values the reader skipped because it could not read them. */
        public Builder unreadableValues(int count) {
            this.unreadableValues = count;
            return this;
        }

        /** A node whose consent is the old yes/no: a yes consents to introduce on every day (tests, benchmarks). */
        public Builder node(String id, NodeLabel label, String name, String subtype, String country, Region region,
                            String[] themes, RiskLevel risk, boolean consent, boolean confidential, int createdDay) {
            return node(id, label, name, subtype, country, region, themes, risk, ConsentDays.of(consent), confidential,
                    createdDay);
        }

        public Builder node(String id, NodeLabel label, String name, String subtype, String country, Region region,
                            String[] themes, RiskLevel risk, ConsentDays consent, boolean confidential, int createdDay) {
            index.put(id, nodes.size());
            nodes.add(new Object[] {id, label, name, subtype, country, region, themes == null ? new String[0] : themes,
                    risk == null ? RiskLevel.NONE : risk, consent == null ? ConsentDays.NONE : consent, confidential,
                    createdDay});
            return this;
        }

        /**
         * Names the node added last by a key other than its id, for the ties: either every node
         * has a key and ties name their ends by key, or none has and ties name them by id. The reader uses Neo4j's element id, which the store
         * hands out without reading a property (0.5 s of a million-tie read).
         */
        public Builder key(String key) {
            keys.put(key, nodes.size() - 1);
            return this;
        }

        /**
         * Adds a tie; its ends may be nodes added later. A tie to an id (or key) that is never
         * added as a node is dropped by {@link #build()} (it cannot be in any scope).
         */
        public Builder tie(String fromId, String toId, TieType type, int trustLevel, int sinceDay, int lastDay) {
            if (ties == from.length) {
                int cap = ties * 2;
                from = java.util.Arrays.copyOf(from, cap);
                to = java.util.Arrays.copyOf(to, cap);
                types = java.util.Arrays.copyOf(types, cap);
                trust = java.util.Arrays.copyOf(trust, cap);
                since = java.util.Arrays.copyOf(since, cap);
                last = java.util.Arrays.copyOf(last, cap);
            }
            from[ties] = fromId;
            to[ties] = toId;
            types[ties] = type;
            trust[ties] = trustLevel;
            since[ties] = sinceDay;
            last[ties] = lastDay;
            ties++;
            return this;
        }

        public GraphData build() {
            int n = nodes.size();
            String[] ids = new String[n];
            NodeLabel[] labels = new NodeLabel[n];
            String[] names = new String[n];
            String[] subtypes = new String[n];
            String[] countries = new String[n];
            Region[] regions = new Region[n];
            String[][] themes = new String[n][];
            RiskLevel[] risks = new RiskLevel[n];
            ConsentDays[] consent = new ConsentDays[n];
            boolean[] confidential = new boolean[n];
            int[] created = new int[n];
            for (int i = 0; i < n; i++) {
                Object[] row = nodes.get(i);
                ids[i] = (String) row[0];
                labels[i] = (NodeLabel) row[1];
                names[i] = (String) row[2];
                subtypes[i] = (String) row[3];
                countries[i] = (String) row[4];
                regions[i] = (Region) row[5];
                themes[i] = (String[]) row[6];
                risks[i] = (RiskLevel) row[7];
                consent[i] = (ConsentDays) row[8];
                confidential[i] = (Boolean) row[9];
                created[i] = (Integer) row[10];
            }
            if (!keys.isEmpty() && keys.size() != n) {
                throw new IllegalStateException("keys given for " + keys.size() + " of " + n + " nodes");
            }
            Map<String, Integer> ends = keys.isEmpty() ? index : keys;
            int[] tieFrom = new int[ties];
            int[] tieTo = new int[ties];
            int[] keep = new int[ties];
            int kept = 0;
            for (int e = 0; e < ties; e++) {
                Integer a = ends.get(from[e]);
                Integer b = ends.get(to[e]);
                if (a != null && b != null) {
                    tieFrom[kept] = a;
                    tieTo[kept] = b;
                    keep[kept++] = e;
                } else if (!dropDangling) {
                    tieFrom[kept] = a == null ? -1 : a;
                    tieTo[kept] = b == null ? -1 : b;
                    keep[kept++] = e;
                }
            }
            return new GraphData(graphVersion, ids, labels, names, subtypes, countries, regions, themes, risks, consent,
                    confidential, created, java.util.Arrays.copyOf(tieFrom, kept), java.util.Arrays.copyOf(tieTo, kept),
                    pick(types, keep, kept), pick(trust, keep, kept), pick(since, keep, kept), pick(last, keep, kept),
                    unreadableValues);
        }

        /**
         * The rows and ties of the nodes a write changed ({@link SnapshotPatch}): like {@link #build()},
         * but a tie whose end is not among these rows stays, its index -1 and its end named by
         * {@code tieFromIds}/{@code tieToIds} (the patch resolves it against the rest of the graph).
         * Ties name their ends by id (a node's {@link #key}, if given, must be its id).
         */
        public SnapshotPatch.Rows buildRows() {
            dropDangling = false;
            GraphData data = build();
            return new SnapshotPatch.Rows(data, java.util.Arrays.copyOf(from, ties), java.util.Arrays.copyOf(to, ties));
        }

        private static int[] pick(int[] column, int[] keep, int count) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = column[keep[i]];
            }
            return out;
        }

        private static TieType[] pick(TieType[] column, int[] keep, int count) {
            TieType[] out = new TieType[count];
            for (int i = 0; i < count; i++) {
                out[i] = column[keep[i]];
            }
            return out;
        }
    }
}
