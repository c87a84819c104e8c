package org.civnet.network;

import java.util.List;
import java.util.Map;

import org.civnet.neo4j.Transactions;
import org.springframework.stereotype.Repository;

/**
 * Who recorded each node and introduction: kept by the store beside the records (not in the network
 * document), read by the history and the handover, and carried through a backup and a restore.
 */
@Repository
public class Provenance {

    private static final int RESTORE_BATCH = 5_000;

    /** Who recorded one node or introduction. */
    public record RecordedBy(String id, String user) {
    }

    private final Transactions transactions;

    public Provenance(Transactions transactions) {
        this.transactions = transactions.require("node/all-recorded-by", "node/restore-recorded-by");
    }

    public List<RecordedBy> all() {
        return transactions.read("node/all-recorded-by", Map.of(),
                r -> new RecordedBy(r.get("id").asString(), r.get("user").asString()));
    }

    /** Sets who recorded each named node (a restore: the importer would name the restoring user). */
    public void restore(List<RecordedBy> entries) {
        for (int from = 0; from < entries.size(); from += RESTORE_BATCH) {
            List<Map<String, Object>> rows = entries.subList(from, Math.min(entries.size(), from + RESTORE_BATCH))
                    .stream().map(e -> Map.<String, Object>of("id", e.id(), "user", e.user())).toList();
            transactions.run("node/restore-recorded-by", Map.of("rows", rows));
        }
    }
}
