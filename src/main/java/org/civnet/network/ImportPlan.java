package org.civnet.network;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civnet.network.ImportReport.RejectedRow;
import org.civnet.domain.TieType;

/**
 * What an import will write, decided before anything is written: the accepted rows of each
 * section (nodes split by whether their id was unused, since new rows are created without the
 * upsert's per-row lookup; ties by whether they touch such a node), the count of every section,
 * and the refused rows. A dry-run plan keeps the counts and not the records.
 */
record ImportPlan(
        List<AcceptedNodes<?>> nodes,
        Map<TieType, AcceptedTies> ties,
        List<Introduction> introductions,
        Map<String, Long> received,
        Map<String, Long> accepted,
        Rejections rejections) {

    long received(String section) {
        return received.getOrDefault(section, 0L);
    }

    long accepted(String section) {
        return accepted.getOrDefault(section, 0L);
    }

    List<RejectedRow> listedRejections() {
        return rejections.listed();
    }

    /** The accepted rows of one node kind: {@code created} had unused ids, {@code upserted} are stored already. */
    record AcceptedNodes<T>(NodeKind<T> kind, List<T> created, List<T> upserted) {

        AcceptedNodes(NodeKind<T> kind) {
            this(kind, new ArrayList<>(), new ArrayList<>());
        }

        void add(Object record, boolean stored) {
            (stored ? upserted : created).add(kind.type().cast(record));
        }
    }

    /** The accepted ties of one type: {@code touchingNew} join a node this import creates, so none of them exists yet. */
    record AcceptedTies(TieType type, List<Tie> touchingNew, List<Tie> others) {

        AcceptedTies(TieType type) {
            this(type, new ArrayList<>(), new ArrayList<>());
        }
    }

    /** An empty plan to be filled in section by section, in {@link NodeKind#ALL} order. */
    static ImportPlan empty() {
        List<AcceptedNodes<?>> nodes = new ArrayList<>();
        for (NodeKind<?> kind : NodeKind.ALL) {
            nodes.add(new AcceptedNodes<>(kind));
        }
        return new ImportPlan(nodes, new EnumMap<>(TieType.class), new ArrayList<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new Rejections());
    }

    AcceptedNodes<?> nodesOf(NodeKind<?> kind) {
        return nodes.get(NodeKind.ALL.indexOf(kind));
    }
}
