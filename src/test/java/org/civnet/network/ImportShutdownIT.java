package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.domain.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.civnet.domain.ConflictException;

/**
 * Graceful shutdown and imports: once shutdown begins, an import finishes the batch transaction it
 * is in and stops; the store then holds whole batches and no tie, and the same input completes it.
 */
class ImportShutdownIT extends ImporterHarness {

    private static final int BATCH = 100;
    private static final int CONTACTS = 250;

    @Autowired
    private NetworkImporter importer;

    @Test
    void anImportRunningWhenShutdownBeginsStopsAfterItsCurrentBatchAndCanBeCompletedLater() {
        AtomicReference<NetworkImporter> stopping = new AtomicReference<>();
        AtomicInteger batches = new AtomicInteger();
        // The real store; shutdown "begins" while the first batch is being written (a fresh import
        // creates its new rows with insertNewNodes).
        NetworkStore store = new NetworkStore(transactions, fieldKeys) {
            @Override
            public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
                if (!records.isEmpty() && batches.incrementAndGet() == 1) {
                    stopping.get().stopAfterCurrentBatch();
                }
                return super.insertNewNodes(kind, records, elementIds);
            }
        };
        NetworkImporter shuttingDown = importer(store, BATCH, 2);
        stopping.set(shuttingDown);
        NetworkDocument document = document();

        Throwable stopped = catchThrowable(() -> shuttingDown.importDocument(document, false));
        // New contacts are written by two writers (the default): the one whose batch saw shutdown
        // begin, and the other, whose batch may already have been under way, each finish theirs.
        long written = count("MATCH (c:Contact) RETURN count(c) AS n");
        assertThat(written).isIn((long) BATCH, 2L * BATCH);
        assertThat(stopped).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("stopped after " + written + " of " + CONTACTS + " contacts");
        assertThat(count("MATCH ()-[t]->() RETURN count(t) AS n")).isZero();

        // The same input again: the stored contacts go through the upsert (unchanged), the others are
        // created, and every tie touches a new contact or is upserted between stored ones.
        ImportReport completed = importer.importDocument(document, false);
        assertThat(completed.rejected()).isEmpty();
        assertThat(completed.sections().get("contacts").created()).isEqualTo(CONTACTS - written);
        assertThat(completed.sections().get("contacts").updated()).isZero();
        assertThat(completed.sections().get("ties").created()).isEqualTo(CONTACTS - 1);
        assertThat(count("MATCH (c:Contact) RETURN count(c) AS n")).isEqualTo(CONTACTS);
        assertThat(count("MATCH ()-[t:KNOWS]->() RETURN count(t) AS n")).isEqualTo(CONTACTS - 1);
    }

    @Test
    void anIdCreatedByAnotherWriterDuringAnImportFailsItsBatchWholeWithAConflict() {
        // Between the importer's look-up (s-0 unused) and the CREATE batch holding s-0, someone else creates s-0.
        NetworkStore store = new NetworkStore(transactions, fieldKeys) {
            @Override
            public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
                if (records.stream().map(kind.idOf()).anyMatch("s-0"::equals)) {
                    try (Session session = driver.session()) {
                        session.run("CREATE (:Node:Contact {id: 's-0', name: 'Created meanwhile', country: 'KE'})").consume();
                    }
                }
                return super.insertNewNodes(kind, records, elementIds);
            }
        };
        NetworkImporter racing = importer(store, BATCH, 2);

        assertThatThrownBy(() -> racing.importDocument(document(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("another writer");
        // Nothing of the failed batch (s-0 to s-99): only the node the other writer made. The second
        // writer's batches that were under way when it failed are whole; no tie was written.
        assertThat(count("MATCH (c:Contact {id: 's-0', name: 'Created meanwhile'}) RETURN count(c) AS n")).isEqualTo(1);
        assertThat(count("MATCH (c:Contact) WHERE c.id IN [i IN range(0, $last) | 's-' + i] RETURN count(c) AS n",
                Map.of("last", BATCH - 1))).isEqualTo(1);
        // Every other batch (s-100 to s-199, s-200 to s-249) is written whole or not at all.
        for (int first = BATCH; first < CONTACTS; first += BATCH) {
            int last = Math.min(CONTACTS, first + BATCH) - 1;
            assertThat(count("MATCH (c:Contact) WHERE c.id IN [i IN range($first, $last) | 's-' + i] RETURN count(c) AS n",
                    Map.of("first", first, "last", last))).as("batch s-" + first + " to s-" + last)
                    .isIn(0L, (long) (last - first + 1));
        }
        assertThat(count("MATCH ()-[t]->() RETURN count(t) AS n")).isZero();
    }

    private static NetworkDocument document() {
        List<Contact> contacts = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(new ObjectMapper().convertValue(Map.of("id", "s-" + i, "name", "Person " + i, "country", "KE"),
                    Contact.class));
            if (i > 0) {
                ties.add(new ObjectMapper().convertValue(Map.of("type", "KNOWS", "from", "s-" + (i - 1), "to", "s-" + i,
                        "trust", 3), Tie.class));
            }
        }
        return new NetworkDocument(contacts, null, null, null, null, null, null, ties, null);
    }

    private long count(String statement) {
        return count(statement, Map.of());
    }

    private long count(String statement, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.run(statement, params).single().get("n").asLong();
        }
    }
}
