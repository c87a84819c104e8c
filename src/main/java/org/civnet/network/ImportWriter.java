package org.civnet.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.civnet.domain.ServiceUnavailableException;
import org.civnet.network.ImportPlan.AcceptedNodes;
import org.civnet.network.ImportPlan.AcceptedTies;
import org.civnet.network.NetworkStore.UpsertCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.civnet.domain.TieType;

/**
 * Applies an {@link ImportPlan} to the store: batched transactions of {@code batchSize} rows, every
 * node before any tie, so an import stopped between two batches leaves whole batches and no
 * dangling ties, and the same input sent again completes it (upsert by id).
 */
final class ImportWriter {

    private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);
    private static final UpsertCounts NOTHING = new UpsertCounts(0, 0);

    private final NetworkStore store;
    private final int batchSize;
    /** True once shutdown has begun: the writer stops before its next batch. */
    private final BooleanSupplier stopping;

    ImportWriter(NetworkStore store, int batchSize, BooleanSupplier stopping) {
        this.store = store;
        this.batchSize = batchSize;
        this.stopping = stopping;
    }

    /** What each section created and really changed. */
    Map<String, UpsertCounts> write(ImportPlan plan) {
        Map<String, UpsertCounts> counts = new LinkedHashMap<>();
        for (AcceptedNodes<?> nodes : plan.nodes()) {
            counts.put(nodes.kind().section(), writeNodes(nodes));
        }
        UpsertCounts ties = NOTHING;
        for (AcceptedTies accepted : plan.ties().values()) {
            TieType type = accepted.type();
            ties = ties.plus(writeInBatches(ImportRow.TIES + " (" + type + ", new ends)", accepted.touchingNew(),
                            batch -> store.insertNewTies(type, batch)))
                    .plus(writeInBatches(ImportRow.TIES + " (" + type + ")", accepted.others(),
                            batch -> store.upsertTies(type, batch)));
        }
        counts.put(ImportRow.TIES, ties);
        counts.put(ImportRow.INTRODUCTIONS, writeInBatches(ImportRow.INTRODUCTIONS, plan.introductions(),
                store::upsertIntroductions));
        return counts;
    }

    /** Rows whose id was unused when looked up are created without the upsert's per-row lookup. */
    private <T> UpsertCounts writeNodes(AcceptedNodes<T> nodes) {
        NodeKind<T> kind = nodes.kind();
        return writeInBatches(kind.section() + " (new)", nodes.created(), batch -> store.insertNewNodes(kind, batch))
                .plus(writeInBatches(kind.section(), nodes.upserted(), batch -> store.upsertNodes(kind, batch)));
    }

    private <T> UpsertCounts writeInBatches(String what, List<T> rows, Function<List<T>, UpsertCounts> writer) {
        UpsertCounts total = NOTHING;
        long started = System.nanoTime();
        for (int from = 0; from < rows.size(); from += batchSize) {
            if (stopping.getAsBoolean()) {
                throw new ServiceUnavailableException("civnet is shutting down: the import stopped after " + from + " of "
                        + rows.size() + " " + what + "; every batch written is complete; send the same input again "
                        + "once civnet is back to finish it");
            }
            int to = Math.min(rows.size(), from + batchSize);
            total = total.plus(writer.apply(rows.subList(from, to)));
            if (rows.size() > batchSize) {
                log.info("import: {} {}/{}", what, to, rows.size());
            }
        }
        if (!rows.isEmpty()) {
            log.info("import: {} {} rows in {} ms", what, rows.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }
}
