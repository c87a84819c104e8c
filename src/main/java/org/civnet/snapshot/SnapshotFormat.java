package org.civnet.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.civnet.domain.ConsentPurpose;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;

/**
 * A {@link GraphData} as bytes, column by column, with the identity of the store it was read from:
 * what {@link SavedSnapshot} keeps (encrypted) while civnet is stopped. Enum columns are written as
 * indices into a table of the constants' names written first, so a file read by a civnet whose enums
 * gained or reordered constants still means the same; a name this civnet does not know makes the
 * file unreadable ({@link IOException}), never a wrong value. Cost: linear in nodes and ties, about
 * 25 bytes per tie and 60 per node plus the strings.
 */
final class SnapshotFormat {

    private static final String MAGIC = "civnet-snapshot";
    private static final int FORMAT = 1;
    private static final int END = 0x5EA1ED;
    private static final int NULL = -1;

    private SnapshotFormat() {
    }

    /** Fewest bytes a node's row takes (every string empty or null, no themes). */
    private static final int MIN_NODE_BYTES = 4 + 1 + 3 * 4 + 1 + 4 + 1 + 8 * ConsentPurpose.values().length + 1 + 4;
    private static final int TIE_BYTES = 4 + 4 + 1 + 3 * 4;

    /** A graph read back, and the stamp of its version in the store it was read from ({@link SnapshotReader#versionStamp}). */
    record Saved(String versionStamp, GraphData data) {
    }

    static void write(GraphData data, String versionStamp, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, versionStamp);
        out.writeLong(data.graphVersion());
        out.writeInt(data.unreadableValues());
        int n = data.nodeCount();
        int m = data.tieCount();
        out.writeInt(n);
        out.writeInt(m);
        writeNames(out, NodeLabel.values());
        writeNames(out, Region.values());
        writeNames(out, RiskLevel.values());
        writeNames(out, TieType.values());
        writeNames(out, ConsentPurpose.values());
        for (int i = 0; i < n; i++) {
            writeString(out, data.ids()[i]);
            out.writeByte(data.labels()[i].ordinal());
            writeString(out, data.names()[i]);
            writeString(out, data.subtypes()[i]);
            writeString(out, data.countries()[i]);
            out.writeByte(data.regions()[i] == null ? NULL : data.regions()[i].ordinal());
            String[] themes = data.themes()[i];
            out.writeInt(themes.length);
            for (String theme : themes) {
                writeString(out, theme);
            }
            out.writeByte(data.risks()[i].ordinal());
            ConsentDays consent = data.consent()[i];
            for (ConsentPurpose purpose : ConsentPurpose.values()) {
                out.writeInt(consent.firstDay(purpose));
                out.writeInt(consent.lastDay(purpose));
            }
            out.writeBoolean(data.confidential()[i]);
            out.writeInt(data.createdDay()[i]);
        }
        for (int e = 0; e < m; e++) {
            out.writeInt(data.tieFrom()[e]);
            out.writeInt(data.tieTo()[e]);
            out.writeByte(data.tieTypes()[e].ordinal());
            out.writeInt(data.tieTrust()[e]);
            out.writeInt(data.tieSince()[e]);
            out.writeInt(data.tieLastContact()[e]);
        }
        out.writeInt(END);
        out.flush();
    }

    /**
     * The graph {@link #write} wrote; {@link IOException} when the bytes are not such a graph (another
     * format, a constant this civnet does not know, a tie end out of range, a short or overlong file,
     * a count of rows, themes or bytes that {@code maxBytes} could not hold, checked before anything
     * is allocated for them).
     */
    static Saved read(InputStream source, long maxBytes) throws IOException {
        DataInputStream in = new DataInputStream(source);
        Bound bound = new Bound(maxBytes);
        try {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                throw new IOException("not a civnet snapshot of format " + FORMAT);
            }
            String stamp = readString(in, bound);
            long version = in.readLong();
            int unreadable = in.readInt();
            int n = bound.rows(in.readInt(), MIN_NODE_BYTES, "nodes");
            int m = bound.rows(in.readInt(), TIE_BYTES, "ties");
            NodeLabel[] labelsByIndex = readNames(in, NodeLabel.class);
            Region[] regionsByIndex = readNames(in, Region.class);
            RiskLevel[] risksByIndex = readNames(in, RiskLevel.class);
            TieType[] typesByIndex = readNames(in, TieType.class);
            ConsentPurpose[] purposes = readNames(in, ConsentPurpose.class);
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
                ids[i] = readString(in, bound);
                labels[i] = pick(labelsByIndex, in.readByte());
                names[i] = readString(in, bound);
                subtypes[i] = readString(in, bound);
                countries[i] = readString(in, bound);
                byte region = in.readByte();
                regions[i] = region == NULL ? null : pick(regionsByIndex, region);
                String[] nodeThemes = new String[bound.rows(in.readInt(), 4, "themes")];
                for (int t = 0; t < nodeThemes.length; t++) {
                    nodeThemes[t] = readString(in, bound);
                }
                themes[i] = nodeThemes;
                risks[i] = pick(risksByIndex, in.readByte());
                consent[i] = readConsent(in, purposes);
                confidential[i] = in.readBoolean();
                created[i] = in.readInt();
            }
            int[] from = new int[m];
            int[] to = new int[m];
            TieType[] types = new TieType[m];
            int[] trust = new int[m];
            int[] since = new int[m];
            int[] last = new int[m];
            for (int e = 0; e < m; e++) {
                from[e] = node(in.readInt(), n);
                to[e] = node(in.readInt(), n);
                types[e] = pick(typesByIndex, in.readByte());
                trust[e] = in.readInt();
                since[e] = in.readInt();
                last[e] = in.readInt();
            }
            if (in.readInt() != END || in.read() != -1) {
                throw new IOException("a civnet snapshot with bytes after its end");
            }
            return new Saved(stamp, new GraphData(version, ids, labels, names, subtypes, countries, regions, themes,
                    risks, consent, confidential, created, from, to, types, trust, since, last, unreadable));
        } catch (RuntimeException e) {
            throw new IOException("not a readable civnet snapshot: " + e.getClass().getSimpleName(), e);
        }
    }

    private static ConsentDays readConsent(DataInputStream in, ConsentPurpose[] purposes) throws IOException {
        ConsentDays days = ConsentDays.NONE;
        for (ConsentPurpose purpose : purposes) {
            int first = in.readInt();
            int last = in.readInt();
            if (first != ConsentDays.NONE.firstDay(purpose) || last != ConsentDays.NONE.lastDay(purpose)) {
                days = days.with(purpose, first, last);
            }
        }
        return days.equals(ConsentDays.INTRODUCE_ALWAYS) ? ConsentDays.INTRODUCE_ALWAYS : days;
    }

    private static void writeNames(DataOutputStream out, Enum<?>[] constants) throws IOException {
        out.writeInt(constants.length);
        for (Enum<?> constant : constants) {
            out.writeUTF(constant.name());
        }
    }

    private static <E extends Enum<E>> E[] readNames(DataInputStream in, Class<E> type) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 127) {
            throw new IOException("a table of " + count + " " + type.getSimpleName() + " names");
        }
        @SuppressWarnings("unchecked")
        E[] byIndex = (E[]) java.lang.reflect.Array.newInstance(type, count);
        for (int i = 0; i < count; i++) {
            byIndex[i] = Enum.valueOf(type, in.readUTF());
        }
        return byIndex;
    }

    private static <E> E pick(E[] byIndex, byte index) throws IOException {
        if (index < 0 || index >= byIndex.length) {
            throw new IOException("a constant index " + index + " out of its table");
        }
        return byIndex[index];
    }

    private static int node(int index, int n) throws IOException {
        if (index < 0 || index >= n) {
            throw new IOException("a tie end " + index + " beyond the " + n + " nodes");
        }
        return index;
    }

    /** What a file of at most {@code maxBytes} can hold: a count beyond it is refused before any allocation. */
    private record Bound(long maxBytes) {
        int rows(int count, int minBytesEach, String what) throws IOException {
            if (count < 0 || (long) count * minBytesEach > maxBytes) {
                throw new IOException(count + " " + what + " cannot be in " + maxBytes + " bytes");
            }
            return count;
        }
    }

    /** Length-prefixed UTF-8 (not {@code writeUTF}, which refuses strings over 64 KiB), -1 for null. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, Bound bound) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        bound.rows(length, 1, "string bytes");
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new java.io.EOFException("a string cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
